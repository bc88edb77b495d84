package cn.etax.identity.taxpayer.application;

import cn.etax.identity.grant.application.GrantView;
import cn.etax.identity.taxpayer.domain.TaxpayerKind;

import java.util.List;

/** A taxpayer and its grants for an integrator: enterprise data and masked person data only (RULE-MASK). */
public record TaxpayerGrants(String creditCode, String name, TaxpayerKind kind, String provinceCode,
                             String taxAuthorityName, String legalRepresentative, String financeOfficer,
                             List<GrantView> grants) {
}
