package cn.etax.identity.taxpayer.domain;

/** 纳税人类型 as the login entries tell them apart. */
public enum TaxpayerKind {
    /** 一般企业（单位纳税人、个体工商户）. */
    ORDINARY,
    /** 涉税专业服务机构: acts for clients under agency mandates (LOGIN-3). */
    TAX_AGENT_INSTITUTION,
    /** 非居民企业 (LOGIN-5). */
    NON_RESIDENT
}
