package cn.etax.identity.authentication.domain;

/**
 * LOGIN-7: the apps that log a web page in by scanning its QR code. The tax app logs in with the business of its own
 * session (personal or an enterprise identity), the IIT app personal business only, the electronic business licence
 * app its licence's enterprise as the legal representative.
 */
public enum QrScanner {
    TAX_APP, IIT_APP, LICENCE_APP;

    /** How the login log and the session name this way in. */
    public AuthMethod method() {
        return switch (this) {
            case TAX_APP -> AuthMethod.TAX_APP_SCAN;
            case IIT_APP -> AuthMethod.IIT_APP_SCAN;
            case LICENCE_APP -> AuthMethod.LICENCE_SCAN;
        };
    }
}
