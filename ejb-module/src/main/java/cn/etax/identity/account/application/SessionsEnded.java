package cn.etax.identity.account.application;

import java.time.Instant;

/**
 * The sessions of one account opened up to {@code at} end at their next request, on whatever page or address they are
 * used: a person deregistered (REG-7) or had his password changed or reset (ASVS 3.3.3); a clerk was stopped, reset,
 * given other duties or changed his password (§8); the fee collection system closed a fee payer or his password was
 * reset (LOGIN-10). Fired in the changing transaction, observed once it committed ({@link EndedAccounts}).
 */
public record SessionsEnded(Holder holder, long id, Instant at) {

    /** Whose sessions: the three kinds of caller a session can hold. */
    public enum Holder { PERSON, CLERK, FEE_PAYER }

    public static SessionsEnded ofPerson(long personId, Instant at) {
        return new SessionsEnded(Holder.PERSON, personId, at);
    }

    public static SessionsEnded ofClerk(long clerkId, Instant at) {
        return new SessionsEnded(Holder.CLERK, clerkId, at);
    }

    public static SessionsEnded ofFeePayer(long accountId, Instant at) {
        return new SessionsEnded(Holder.FEE_PAYER, accountId, at);
    }
}
