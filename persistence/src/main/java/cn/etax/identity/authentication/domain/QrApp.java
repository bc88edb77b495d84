package cn.etax.identity.authentication.domain;

/** The mobile apps that scan: the tax app (face, no app login) and the IIT app (app login required). */
public enum QrApp {
    TAX_APP, IIT_APP;

    public AuthMethod method() {
        return this == TAX_APP ? AuthMethod.TAX_APP_FACE : AuthMethod.IIT_APP;
    }
}
