package cn.etax.identity.authentication.domain;

/** Separate key spaces for one-time secrets, so a secret of one kind is never accepted as another. */
public enum SecretKind {
    SMS_CODE, LOGIN_TICKET
}
