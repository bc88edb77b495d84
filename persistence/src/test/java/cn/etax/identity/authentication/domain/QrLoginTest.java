package cn.etax.identity.authentication.domain;

import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.DomainException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("LOGIN-7 QR login codes: scanned by one app session, confirmed there, used by one login, 120 s of life")
class QrLoginTest {

    private final Instant now = Instant.parse("2026-12-07T02:00:00Z");
    private final QrLogin.AppSession personal = new QrLogin.AppSession(QrScanner.TAX_APP, 7, null, null);
    private final QrLogin.AppSession enterprise = new QrLogin.AppSession(QrScanner.TAX_APP, 7, 30L, 31L);
    private final QrLogin.AppSession someoneElse = new QrLogin.AppSession(QrScanner.IIT_APP, 8, null, null);

    private QrLogin code() {
        return new QrLogin("t", "flow", "127.0.0.1 Chrome", now, now.plusSeconds(120));
    }

    @Test
    void a_code_confirmed_in_the_app_that_scanned_it_logs_in_that_session_once() {
        QrLogin q = code();
        assertThat(q.state(now)).isEqualTo(QrState.PENDING);
        q.scan(enterprise, now.plusSeconds(3));
        assertThat(q.state(now.plusSeconds(3))).isEqualTo(QrState.SCANNED);
        q.confirm(enterprise, now.plusSeconds(5));
        assertThat(q.consume(now.plusSeconds(6))).isEqualTo(enterprise);
        assertThat(q.scanner()).isEqualTo(QrScanner.TAX_APP);
        assertThatThrownBy(() -> q.consume(now.plusSeconds(7)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("QR_LOGIN_NOT_CONFIRMED");
    }

    @Test
    void once_scanned_no_other_app_session_may_scan_confirm_or_cancel_it() {
        QrLogin q = code();
        q.scan(personal, now);
        q.scan(personal, now.plusSeconds(1)); // the same phone scanning again is harmless
        assertThatThrownBy(() -> q.scan(someoneElse, now.plusSeconds(2))).hasMessageContaining("QR_ALREADY_SCANNED");
        assertThatThrownBy(() -> q.scan(enterprise, now.plusSeconds(2))).hasMessageContaining("QR_ALREADY_SCANNED");
        assertThatThrownBy(() -> q.confirm(someoneElse, now.plusSeconds(3))).hasMessageContaining("QR_ALREADY_SCANNED");
        assertThatThrownBy(() -> q.cancelByApp(someoneElse, now.plusSeconds(3)))
                .hasMessageContaining("QR_ALREADY_SCANNED");
        assertThat(q.state(now.plusSeconds(4))).isEqualTo(QrState.SCANNED);
    }

    @Test
    void nothing_is_confirmed_without_a_scan_and_nothing_is_used_before_confirmation() {
        QrLogin q = code();
        assertThatThrownBy(() -> q.confirm(personal, now)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("QR_NOT_SCANNED");
        q.scan(personal, now);
        assertThatThrownBy(() -> q.consume(now)).hasMessageContaining("QR_LOGIN_NOT_CONFIRMED");
    }

    @Test
    void a_cancelled_code_cannot_be_confirmed_or_used() {
        QrLogin q = code();
        q.scan(personal, now);
        q.cancelByApp(personal, now.plusSeconds(1));
        assertThat(q.state(now.plusSeconds(1))).isEqualTo(QrState.CANCELLED);
        assertThatThrownBy(() -> q.confirm(personal, now.plusSeconds(2))).hasMessageContaining("QR_ALREADY_DECIDED");
        assertThatThrownBy(() -> q.scan(personal, now.plusSeconds(2))).hasMessageContaining("QR_ALREADY_DECIDED");
        assertThatThrownBy(() -> q.consume(now.plusSeconds(2))).hasMessageContaining("QR_LOGIN_NOT_CONFIRMED");
    }

    @Test
    void a_code_the_page_withdrew_is_dead_but_a_confirmed_one_stays_confirmed() {
        QrLogin open = code();
        open.scan(personal, now);
        open.withdraw(now.plusSeconds(1));
        assertThatThrownBy(() -> open.confirm(personal, now.plusSeconds(2))).isInstanceOf(DomainException.class);

        QrLogin confirmed = code();
        confirmed.scan(personal, now);
        confirmed.confirm(personal, now.plusSeconds(1));
        confirmed.withdraw(now.plusSeconds(2));
        assertThat(confirmed.state(now.plusSeconds(2))).isEqualTo(QrState.CONFIRMED);
    }

    @Test
    void after_its_life_a_code_can_be_neither_scanned_nor_confirmed() {
        QrLogin unscanned = code();
        assertThat(unscanned.state(now.plusSeconds(120))).isEqualTo(QrState.EXPIRED);
        assertThatThrownBy(() -> unscanned.scan(personal, now.plusSeconds(120))).hasMessageContaining("QR_EXPIRED");

        QrLogin scanned = code();
        scanned.scan(personal, now.plusSeconds(100));
        assertThatThrownBy(() -> scanned.confirm(personal, now.plusSeconds(121))).hasMessageContaining("QR_EXPIRED");
        assertThatThrownBy(() -> scanned.consume(now.plusSeconds(121))).hasMessageContaining("QR_LOGIN_NOT_CONFIRMED");

        QrLogin confirmed = code();
        confirmed.scan(personal, now);
        confirmed.confirm(personal, now.plusSeconds(10));
        assertThatThrownBy(() -> confirmed.consume(now.plusSeconds(120)))
                .as("a confirmed code is used within its life too").hasMessageContaining("QR_LOGIN_NOT_CONFIRMED");
    }

    @Test
    void an_enterprise_session_names_both_the_taxpayer_and_the_identity() {
        assertThatThrownBy(() -> new QrLogin.AppSession(QrScanner.TAX_APP, 7, 30L, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(enterprise.enterprise()).isTrue();
        assertThat(personal.enterprise()).isFalse();
        assertThat(QrScanner.LICENCE_APP.method()).isEqualTo(AuthMethod.LICENCE_SCAN);
        assertThat(QrScanner.IIT_APP.method().isScan()).isTrue();
    }

    @Test
    void an_app_confirmed_flow_is_verified_by_the_scan_and_bound_to_the_session() {
        AuthFlow flow = new AuthFlow(FlowKind.QR_LOGIN, "f", "127.0.0.1", now, now.plusSeconds(900));
        flow.appConfirmed(enterprise);
        assertThat(flow.step()).isEqualTo(FlowStep.VERIFIED);
        assertThat(flow.personId()).isEqualTo(7L);
        assertThat(flow.taxpayerId()).isEqualTo(30L);
        assertThat(flow.grantId()).isEqualTo(31L);
        assertThat(flow.secondFactor()).isEqualTo(AuthMethod.TAX_APP_SCAN);
        assertThatThrownBy(() -> flow.appConfirmed(personal)).hasMessageContaining("FLOW_INVALID");

        AuthFlow password = new AuthFlow(FlowKind.PERSON_LOGIN, "g", "127.0.0.1", now, now.plusSeconds(900));
        assertThatThrownBy(() -> password.appConfirmed(personal)).hasMessageContaining("FLOW_INVALID");
    }
}
