package cn.etax.identity.account.domain;

/** How the account came to exist: online registration, migration from the old system, or a tax-office desk. */
public enum PersonOrigin {
    ONLINE, MIGRATED, OFFICE
}
