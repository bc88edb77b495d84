package cn.etax.identity.authentication.domain;

import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.DomainException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("LOGIN-6 flow: one challenge, used once, then the certificate's taxpayer, then a staff identity for the second factor")
class CertificateLoginFlowTest {

    private final Instant now = Instant.parse("2026-12-04T02:00:00Z");

    private AuthFlow flow() {
        AuthFlow flow = new AuthFlow(FlowKind.CERTIFICATE_LOGIN, "digest", "127.0.0.1", now, now.plusSeconds(900));
        flow.issueChallenge("challenge-1", now.plusSeconds(60));
        return flow;
    }

    @Test
    @DisplayName("the challenge is handed out for one signature check only: a second presentation finds it used")
    void challengeUsedOnce() {
        AuthFlow flow = flow();
        assertThat(flow.consumeChallenge(now.plusSeconds(5))).isEqualTo("challenge-1");
        assertCode(() -> flow.consumeChallenge(now.plusSeconds(6)), "CERTIFICATE_CHALLENGE_USED");
    }

    @Test
    @DisplayName("a challenge presented after its life is refused as expired and cannot be presented again")
    void challengeExpires() {
        AuthFlow flow = flow();
        assertCode(() -> flow.consumeChallenge(now.plusSeconds(60)), "CERTIFICATE_CHALLENGE_EXPIRED");
        assertCode(() -> flow.consumeChallenge(now.plusSeconds(61)), "CERTIFICATE_CHALLENGE_USED");
    }

    @Test
    @DisplayName("a flow issues one challenge only")
    void oneChallengePerFlow() {
        AuthFlow flow = flow();
        assertCode(() -> flow.issueChallenge("challenge-2", now.plusSeconds(60)), "FLOW_INVALID");
        flow.consumeChallenge(now);
        assertCode(() -> flow.issueChallenge("challenge-2", now.plusSeconds(60)), "FLOW_INVALID");
    }

    @Test
    @DisplayName("no second factor and no staff choice before the key signed; after it the taxpayer is bound")
    void staffOnlyAfterSignature() {
        AuthFlow flow = flow();
        assertCode(() -> flow.chooseStaff(7L, 70L), "FLOW_NOT_VERIFIED");
        assertCode(flow::requireSubject, "FLOW_NOT_VERIFIED");
        assertCode(() -> flow.certified(3L, "cert"), "FLOW_INVALID");

        flow.consumeChallenge(now);
        flow.certified(3L, "cert");
        assertThat(flow.step()).isEqualTo(FlowStep.CERTIFIED);
        assertThat(flow.taxpayerId()).isEqualTo(3L);
        assertCode(flow::requireSubject, "FLOW_NOT_VERIFIED");
        assertCode(() -> flow.verified(AuthMethod.SMS_CODE), "FLOW_NOT_VERIFIED");
        assertCode(() -> flow.certified(4L, "other"), "FLOW_INVALID");
    }

    @Test
    @DisplayName("a staff identity may be chosen again until the second factor passed, not after")
    void staffChoice() {
        AuthFlow flow = flow();
        flow.consumeChallenge(now);
        flow.certified(3L, "cert");
        flow.chooseStaff(7L, 70L);
        flow.chooseStaff(8L, 80L);
        assertThat(flow.requireSubject()).isEqualTo(8L);
        assertThat(flow.grantId()).isEqualTo(80L);

        flow.verified(AuthMethod.SMS_CODE);
        assertThat(flow.step()).isEqualTo(FlowStep.VERIFIED);
        assertCode(() -> flow.chooseStaff(7L, 70L), "FLOW_NOT_VERIFIED");
        assertThat(flow.grantId()).isEqualTo(80L);
    }

    @Test
    @DisplayName("the certificate login counts as an enterprise login and as a login")
    void kind() {
        assertThat(FlowKind.CERTIFICATE_LOGIN.isLogin()).isTrue();
        assertThat(FlowKind.CERTIFICATE_LOGIN.isEnterprise()).isTrue();
        assertThat(FlowKind.PERSON_LOGIN.isEnterprise()).isFalse();
    }

    private static void assertCode(Runnable step, String code) {
        assertThatThrownBy(step::run).isInstanceOf(AuthenticationFailedException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo(code);
    }
}
