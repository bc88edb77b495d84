package cn.etax.identity.authentication.domain;

import java.time.LocalDate;

/**
 * LOGIN-11 双轨运行: the old entry stays available beside the new one up to and including {@code lastDay} (a business
 * day, Asia/Shanghai), then it is switched off for good. Without a last day there is no old entry at all.
 */
public record TransitionPeriod(LocalDate lastDay) {

    /** The old entry takes logins on {@code today}. */
    public boolean open(LocalDate today) {
        return lastDay != null && !today.isAfter(lastDay);
    }

    /** The switch-off has happened (or there never was an old entry): nothing of it may remain. */
    public boolean over(LocalDate today) {
        return !open(today);
    }
}
