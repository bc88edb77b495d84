package cn.etax.identity.authentication.domain;

import cn.etax.identity.shared.AccountLockedException;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * RULE-LOCK's counters, shared by every kind of account that logs in with secrets (natural persons, tax-office
 * clerks): five consecutive failures of one method on one business day lock the account until the next midnight.
 * An attempt is counted when it begins, before the secret is checked, so parallel guesses can never exceed the
 * limit; a success sets that method's count back to zero. Subclasses are read with a pessimistic lock, so attempts
 * of one account are serialised across threads and nodes.
 */
@MappedSuperclass
public abstract class ConsecutiveFailures {

    public static final int MAX_CONSECUTIVE_FAILURES = 5;

    @Column(name = "business_day", nullable = false)
    private LocalDate businessDay;

    @Column(name = "password_failures", nullable = false)
    private int passwordFailures;

    @Column(name = "sms_failures", nullable = false)
    private int smsFailures;

    @Column(name = "face_failures", nullable = false)
    private int faceFailures;

    @Column(name = "certificate_failures", nullable = false)
    private int certificateFailures;

    /**
     * Wrong codes on the way that lifts a lock (REG-5 忘记密码 by SMS, the fee payer's 找回密码): a counter of its own,
     * which closes that way for the day and never locks the account — else anyone knowing an ID number could lock
     * its owner out (RULE-LOCK).
     */
    @Column(name = "recovery_failures", nullable = false)
    private int recoveryFailures;

    protected ConsecutiveFailures() {
    }

    protected ConsecutiveFailures(LocalDate today) {
        this.businessDay = today;
    }

    /**
     * Counts one attempt of {@code method}; refuses when the account is locked today. Returns how many more
     * attempts of the method are allowed today if this one fails (0: its failure locks the account).
     */
    public int beginAttempt(AuthMethod method, Instant now, ZoneId zone) {
        rollOver(now, zone);
        ensureUnlocked(now, zone);
        set(method, count(method) + 1);
        return remaining(method);
    }

    /** The attempt proved the secret: the method's consecutive-failure count starts again. */
    public void succeeded(AuthMethod method) {
        set(method, 0);
    }

    /** Throws {@code ACCOUNT_LOCKED} with the unlock time when any method reached the limit today. */
    public void ensureUnlocked(Instant now, ZoneId zone) {
        rollOver(now, zone);
        if (isLocked()) {
            throw locked(zone);
        }
    }

    /**
     * The way that lifts a lock by an SMS code (REG-5 忘记密码, the fee payer's 找回密码) is open while other methods'
     * failures lock the account — it is how that lock is lifted — and closed for the rest of the day after five wrong
     * codes of its own ({@code RECOVERY_CODE_LOCKED} with the time it opens again).
     */
    public void ensureRecoveryOpen(Instant now, ZoneId zone) {
        rollOver(now, zone);
        if (recoveryFailures >= MAX_CONSECUTIVE_FAILURES) {
            throw new AccountLockedException("RECOVERY_CODE_LOCKED", unlockText(zone));
        }
    }

    /** A wrong code on that way; answers the wrong codes still allowed today (0: the way is now closed). */
    public int recoveryFailed(Instant now, ZoneId zone) {
        rollOver(now, zone);
        recoveryFailures++;
        return Math.max(0, MAX_CONSECUTIVE_FAILURES - recoveryFailures);
    }

    private AccountLockedException locked(ZoneId zone) {
        return new AccountLockedException("ACCOUNT_LOCKED", unlockText(zone));
    }

    private String unlockText(ZoneId zone) {
        return unlockAt(zone).atZone(zone).toLocalDateTime().toString().replace('T', ' ');
    }

    public boolean isLocked(Instant now, ZoneId zone) {
        rollOver(now, zone);
        return isLocked();
    }

    /** Failures still allowed for the method today before the lock. */
    public int remaining(AuthMethod method) {
        return Math.max(0, MAX_CONSECUTIVE_FAILURES - count(method));
    }

    /** Forgot-password (REG-5) and a tax-office clerk unlock at once. */
    public void reset() {
        passwordFailures = 0;
        smsFailures = 0;
        faceFailures = 0;
        certificateFailures = 0;
        recoveryFailures = 0;
    }

    public Instant unlockAt(ZoneId zone) {
        return businessDay.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private boolean isLocked() {
        return passwordFailures >= MAX_CONSECUTIVE_FAILURES || smsFailures >= MAX_CONSECUTIVE_FAILURES
                || faceFailures >= MAX_CONSECUTIVE_FAILURES || certificateFailures >= MAX_CONSECUTIVE_FAILURES;
    }

    private void rollOver(Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        if (!today.equals(businessDay)) {
            businessDay = today;
            reset();
        }
    }

    /**
     * The attribute that counts {@code method}'s failures, for a bulk update that resets it without reading the
     * row first ({@link #succeeded} in one statement).
     */
    public static String counterAttribute(AuthMethod method) {
        return switch (method) {
            case PASSWORD, ENTERPRISE_PASSWORD -> "passwordFailures";
            case SMS_CODE -> "smsFailures";
            case TAX_APP_FACE, IIT_APP -> "faceFailures";
            case CERTIFICATE -> "certificateFailures";
            case TAX_APP_SCAN, IIT_APP_SCAN, LICENCE_SCAN -> throw notCounted(method);
        };
    }

    private int count(AuthMethod method) {
        return switch (method) {
            case PASSWORD, ENTERPRISE_PASSWORD -> passwordFailures;
            case SMS_CODE -> smsFailures;
            case TAX_APP_FACE, IIT_APP -> faceFailures;
            case CERTIFICATE -> certificateFailures;
            case TAX_APP_SCAN, IIT_APP_SCAN, LICENCE_SCAN -> throw notCounted(method);
        };
    }

    private void set(AuthMethod method, int value) {
        switch (method) {
            case PASSWORD, ENTERPRISE_PASSWORD -> passwordFailures = value;
            case SMS_CODE -> smsFailures = value;
            case TAX_APP_FACE, IIT_APP -> faceFailures = value;
            case CERTIFICATE -> certificateFailures = value;
            case TAX_APP_SCAN, IIT_APP_SCAN, LICENCE_SCAN -> throw notCounted(method);
        }
    }

    /** LOGIN-7's scans are confirmed or refused in the app; nothing of them is counted here. */
    private static IllegalArgumentException notCounted(AuthMethod method) {
        return new IllegalArgumentException("no failures are counted for " + method);
    }
}
