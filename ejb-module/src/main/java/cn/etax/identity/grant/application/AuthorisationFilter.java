package cn.etax.identity.grant.application;

import cn.etax.identity.grant.domain.IdentityType;

/**
 * PER-3 / PER-4 filters: {@code nationwide} false = only taxpayers of this platform's province (本省), true = all
 * (全国); a fragment of the credit code and of the taxpayer name, the identity type; null = no filter.
 */
public record AuthorisationFilter(boolean nationwide, String creditCode, String taxpayerName,
                                  IdentityType identityType) {

    public static final AuthorisationFilter NATIONWIDE = new AuthorisationFilter(true, null, null, null);

    boolean accepts(AuthorisationView v, String homeProvince) {
        return (nationwide || homeProvince.equals(v.provinceCode()))
                && contains(v.creditCode(), creditCode) && contains(v.taxpayerName(), taxpayerName)
                && (identityType == null || identityType == v.identityType());
    }

    private static boolean contains(String value, String fragment) {
        return fragment == null || fragment.isBlank() || value.toUpperCase(java.util.Locale.ROOT).contains(fragment.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
