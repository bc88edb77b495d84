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
     * On the way that lifts a lock (REG-5 忘记密码, the fee payer's reset): open while another method's failures lock
     * the account, but {@code ACCOUNT_LOCKED} once {@code method}'s own failures reached the limit today, so that the
     * way cannot be used to guess without end.
     */
    public void ensureMethodOpen(AuthMethod method, Instant now, ZoneId zone) {
        rollOver(now, zone);
        if (remaining(method) == 0) {
            throw locked(zone);
        }
    }

    /**
     * A failure of {@code method} on the way that lifts a lock ({@link #ensureMethodOpen}), counted as any other;
     * answers the failures still allowed today (0: this one locked the account).
     */
    public int failedOnRecovery(AuthMethod method, Instant now, ZoneId zone) {
        rollOver(now, zone);
        set(method, count(method) + 1);
        return remaining(method);
    }

    private AccountLockedException locked(ZoneId zone) {
        return new AccountLockedException("ACCOUNT_LOCKED", unlockAt(zone).atZone(zone).toLocalDateTime()
                .toString().replace('T', ' '));
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
