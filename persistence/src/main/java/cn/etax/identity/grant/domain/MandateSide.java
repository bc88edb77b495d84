package cn.etax.identity.grant.domain;

/** The two parties of an agency mandate (ENT-8). */
public enum MandateSide {
    /** 涉税专业服务机构: files the mandate and acts through its agents. */
    AGENCY,
    /** 被代理企业: recognises or cancels the agency (代理机构认定管理). */
    CLIENT
}
