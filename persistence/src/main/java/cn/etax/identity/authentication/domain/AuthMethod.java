package cn.etax.identity.authentication.domain;

/**
 * Authentication methods; lockout counts failures per method (RULE-LOCK). The QR logins of LOGIN-7
 * ({@code *_SCAN}) are decided in the app that scans, so the platform counts no failures of them.
 * {@code ENTERPRISE_PASSWORD}: the old entry's shared enterprise password during the transition (LOGIN-11), counted
 * as a password on the taxpayer's own counters.
 */
public enum AuthMethod {
    PASSWORD, SMS_CODE, TAX_APP_FACE, IIT_APP, CERTIFICATE, TAX_APP_SCAN, IIT_APP_SCAN, LICENCE_SCAN,
    ENTERPRISE_PASSWORD;

    /** LOGIN-7: a login confirmed in an app that scanned the page's QR code. */
    public boolean isScan() {
        return this == TAX_APP_SCAN || this == IIT_APP_SCAN || this == LICENCE_SCAN;
    }
}
