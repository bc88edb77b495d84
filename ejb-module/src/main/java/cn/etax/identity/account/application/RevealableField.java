package cn.etax.identity.account.application;

/** Fields the "eye" can reveal; each reveal is recorded (RULE-MASK). */
public enum RevealableField {
    NAME, ID_NUMBER, PHONE, EMAIL, ADDRESS
}
