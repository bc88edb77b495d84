package cn.etax.identity.taxpayer.domain;

/** 增值税纳税人资格. */
public enum VatQualification {
    /** 一般纳税人. */
    GENERAL,
    /** 小规模纳税人. */
    SMALL_SCALE
}
