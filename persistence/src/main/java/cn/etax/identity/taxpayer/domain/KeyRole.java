package cn.etax.identity.taxpayer.domain;

/** The two roles the tax registration itself names (主要人员); the grant context maps them to identity types. */
public enum KeyRole {
    /** 法定代表人（业主）. */
    LEGAL_REPRESENTATIVE,
    /** 财务负责人. */
    FINANCE_OFFICER
}
