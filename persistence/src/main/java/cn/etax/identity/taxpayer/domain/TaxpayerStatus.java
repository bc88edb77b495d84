package cn.etax.identity.taxpayer.domain;

/** 纳税人状态 as the core tax system reports it. */
public enum TaxpayerStatus {
    /** 正常. */
    ACTIVE,
    /** 非正常户. */
    IRREGULAR,
    /** 注销. */
    DEREGISTERED
}
