package cn.etax.identity.authentication.domain;

import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.ConflictException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("QR face checks: PENDING → SCANNED → CONFIRMED | FAILED, EXPIRED by time, consumed once")
class QrChallengeTest {

    private final Instant now = Instant.parse("2026-11-23T02:00:00Z");

    private QrChallenge qr() {
        return new QrChallenge("t", "flow", QrApp.TAX_APP, FlowKind.PERSON_LOGIN, "subject", "张*", "127.0.0.1",
                now, now.plusSeconds(120));
    }

    @Test
    void confirmed_check_is_consumed_once() {
        QrChallenge q = qr();
        q.scan(now);
        q.confirm(now.plusSeconds(5));
        q.consume(now.plusSeconds(6));
        assertThatThrownBy(() -> q.consume(now.plusSeconds(7))).isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void cannot_confirm_without_scan_or_twice() {
        QrChallenge q = qr();
        assertThatThrownBy(() -> q.confirm(now)).isInstanceOf(ConflictException.class);
        q.scan(now);
        q.fail(now);
        assertThatThrownBy(() -> q.confirm(now)).isInstanceOf(ConflictException.class);
        assertThat(q.state(now)).isEqualTo(QrState.FAILED);
    }

    @Test
    void expires_after_its_life() {
        QrChallenge q = qr();
        assertThat(q.state(now.plusSeconds(120))).isEqualTo(QrState.EXPIRED);
        assertThatThrownBy(() -> q.scan(now.plusSeconds(121))).isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void a_failed_check_cannot_be_consumed() {
        QrChallenge q = qr();
        q.scan(now);
        q.fail(now);
        assertThatThrownBy(() -> q.consume(now)).isInstanceOf(AuthenticationFailedException.class);
    }
}
