package cn.etax.identity.account.domain;

/**
 * A piece of personal information as it is stored: keyed digest (look-ups, uniqueness), cipher text (audited
 * reveal) and masked form (display). Built by the application's personal-data protector, which holds the keys.
 */
public record ProtectedValue(String digest, String cipher, String masked) {
}
