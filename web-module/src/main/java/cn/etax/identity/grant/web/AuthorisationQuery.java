package cn.etax.identity.grant.web;

import cn.etax.identity.grant.application.AuthorisationFilter;
import cn.etax.identity.grant.domain.IdentityType;

import java.io.Serializable;

/** The filter bar of the authorisation lists as the form holds it: 本省/全国 and the three search fields. */
public class AuthorisationQuery implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String PROVINCE = "PROVINCE";
    static final String NATIONWIDE = "NATIONWIDE";

    private String scope;
    private String creditCode;
    private String taxpayerName;
    private IdentityType identityType;

    AuthorisationQuery(String defaultScope) {
        this.scope = defaultScope;
    }

    AuthorisationFilter toFilter() {
        return new AuthorisationFilter(NATIONWIDE.equals(scope), creditCode, taxpayerName, identityType);
    }

    void reset() {
        creditCode = null;
        taxpayerName = null;
        identityType = null;
    }

    public String getScope() { return scope; }
    public void setScope(String scope) { this.scope = NATIONWIDE.equals(scope) ? NATIONWIDE : PROVINCE; }
    public String getCreditCode() { return creditCode; }
    public void setCreditCode(String creditCode) { this.creditCode = creditCode; }
    public String getTaxpayerName() { return taxpayerName; }
    public void setTaxpayerName(String taxpayerName) { this.taxpayerName = taxpayerName; }
    public IdentityType getIdentityType() { return identityType; }
    public void setIdentityType(IdentityType identityType) { this.identityType = identityType; }
}
