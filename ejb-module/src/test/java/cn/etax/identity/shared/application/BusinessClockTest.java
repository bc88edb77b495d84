package cn.etax.identity.shared.application;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** API-2: a moment of the business clock, told in real time (what {@code auth_time} carries next to {@code iat}). */
class BusinessClockTest {

    @Test
    void aMomentOfTheMovedClockLiesAsFarInThePastInRealTime() {
        BusinessClock clock = new BusinessClock();
        clock.shift(Duration.ofHours(3));
        Instant loggedIn = clock.now().minusSeconds(40);

        Instant real = clock.realTimeOf(loggedIn);

        Instant realNow = Instant.now();
        assertThat(real).isBetween(realNow.minusSeconds(42), realNow.minusSeconds(38));
    }

    @Test
    void aMomentBeforeTheClockWasSetBackIsNeverInTheFuture() {
        BusinessClock clock = new BusinessClock();
        clock.shift(Duration.ofHours(3));
        Instant loggedIn = clock.now();
        clock.resetShift();

        assertThat(clock.realTimeOf(loggedIn)).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void withoutAShiftItIsTheMomentItself() {
        BusinessClock clock = new BusinessClock();
        Instant moment = Instant.now().minusSeconds(5);
        assertThat(clock.realTimeOf(moment)).isBetween(moment.minusMillis(50), moment.plusMillis(50));
    }
}
