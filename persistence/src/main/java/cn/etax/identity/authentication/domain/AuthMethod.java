package cn.etax.identity.authentication.domain;

/** Authentication methods; lockout counts failures per method (RULE-LOCK). */
public enum AuthMethod {
    PASSWORD, SMS_CODE, TAX_APP_FACE, IIT_APP, CERTIFICATE
}
