package cn.etax.identity.account.domain;

public enum PersonStatus {
    ACTIVE, DEREGISTERED
}
