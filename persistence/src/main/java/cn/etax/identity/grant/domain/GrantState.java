package cn.etax.identity.grant.domain;

/**
 * States of a grant (人企关联). {@link #EXPIRED} is never stored: a pending, active or frozen grant whose validity
 * date has passed is expired by itself, judged against the business clock.
 */
public enum GrantState {

    /** 待确认. */
    PENDING,
    /** 有效. */
    ACTIVE,
    /** 冻结. */
    FROZEN,
    /** 已过期 (derived). */
    EXPIRED,
    /** 已删除 (terminal). */
    DELETED,
    /** 已撤回 (terminal). */
    WITHDRAWN,
    /** 被拒绝 (terminal). */
    REJECTED;

    public boolean isTerminal() {
        return this == DELETED || this == WITHDRAWN || this == REJECTED;
    }
}
