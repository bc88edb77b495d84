package cn.etax.identity.grant.domain;

/**
 * The state of an agency mandate (代理委托, ENT-8). Stored: PENDING → RECOGNISED / DECLINED / WITHDRAWN;
 * RECOGNISED → CANCELLED. {@link #EXPIRED} is never stored: a pending or recognised mandate past its last day is
 * expired by itself.
 */
public enum MandateState {
    /** Filed by the agency, waiting for the client's recognition (待认定). */
    PENDING,
    /** Recognised by the client (已认定): its agents may act within scope and period. */
    RECOGNISED,
    /** The client refused to recognise it (不予认定). */
    DECLINED,
    /** The agency took it back before the client answered (已撤回). */
    WITHDRAWN,
    /** Ended by either side after recognition (已取消). */
    CANCELLED,
    /** Past its last day (已过期). */
    EXPIRED;

    public boolean isTerminal() {
        return this == DECLINED || this == WITHDRAWN || this == CANCELLED || this == EXPIRED;
    }
}
