package cn.etax.identity.socialsecurity.domain;

/** LOGIN-10: who pays social-security fees — a unit (单位缴费人) or a natural person (自然人缴费人). */
public enum FeePayerKind {
    UNIT, PERSON
}
