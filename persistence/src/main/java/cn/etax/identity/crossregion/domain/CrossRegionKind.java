package cn.etax.identity.crossregion.domain;

/** LOGIN-4 特定主体类型. */
public enum CrossRegionKind {
    /** 跨区域报验户: identified by its 跨区域涉税事项报验管理编号. */
    INSPECTION,
    /** 跨区税源登记纳税人: identified by its 跨区税源登记编号. */
    TAX_SOURCE
}
