package cn.etax.identity.grant.domain;

import java.util.EnumSet;
import java.util.Set;

import static cn.etax.identity.grant.domain.IdentityType.FINANCE_OFFICER;
import static cn.etax.identity.grant.domain.IdentityType.INVOICER;
import static cn.etax.identity.grant.domain.IdentityType.LEGAL_REPRESENTATIVE;
import static cn.etax.identity.grant.domain.IdentityType.TAX_OFFICER;

/**
 * The permission catalogue (人员权限) and which identity types may hold each permission (ENT-2: "权限匹配人员身份类型，
 * 仅可勾选允许勾选的权限类型"). Legal representative and finance officer hold everything by default; staff
 * management and agency mandates stay with them.
 */
public enum Permission {

    /** 申报缴税. */
    TAX_FILING_AND_PAYMENT(LEGAL_REPRESENTATIVE, FINANCE_OFFICER, TAX_OFFICER),
    /** 发票使用（领用、验旧、缴销）. */
    INVOICE_USE(LEGAL_REPRESENTATIVE, FINANCE_OFFICER, TAX_OFFICER, INVOICER),
    /** 发票开具. */
    INVOICE_ISSUE(LEGAL_REPRESENTATIVE, FINANCE_OFFICER, TAX_OFFICER, INVOICER),
    /** 发票勾选确认. */
    INVOICE_SELECTION(LEGAL_REPRESENTATIVE, FINANCE_OFFICER, TAX_OFFICER),
    /** 税费查询. */
    TAX_QUERY(LEGAL_REPRESENTATIVE, FINANCE_OFFICER, TAX_OFFICER, INVOICER),
    /** 涉税信息查询. */
    TAX_INFO_QUERY(LEGAL_REPRESENTATIVE, FINANCE_OFFICER, TAX_OFFICER, INVOICER),
    /** 证明开具. */
    CERTIFICATE_ISSUE(LEGAL_REPRESENTATIVE, FINANCE_OFFICER, TAX_OFFICER),
    /** 综合信息报告（登记信息变更）. */
    REGISTRATION_REPORT(LEGAL_REPRESENTATIVE, FINANCE_OFFICER, TAX_OFFICER),
    /** 税收优惠办理. */
    PREFERENTIAL_TREATMENT(LEGAL_REPRESENTATIVE, FINANCE_OFFICER, TAX_OFFICER),
    /** 社保费缴纳. */
    SOCIAL_INSURANCE_FEES(LEGAL_REPRESENTATIVE, FINANCE_OFFICER, TAX_OFFICER),
    /** 退抵税（费）. */
    TAX_REFUND(LEGAL_REPRESENTATIVE, FINANCE_OFFICER),
    /** 账户管理（人员权限管理）. */
    ACCOUNT_MANAGEMENT(LEGAL_REPRESENTATIVE, FINANCE_OFFICER),
    /** 代理关系管理（代理机构认定）. */
    AGENCY_MANAGEMENT(LEGAL_REPRESENTATIVE, FINANCE_OFFICER);

    private final Set<IdentityType> holders;

    Permission(IdentityType first, IdentityType... more) {
        this.holders = EnumSet.of(first, more);
    }

    public boolean allows(IdentityType type) {
        return holders.contains(type);
    }
}
