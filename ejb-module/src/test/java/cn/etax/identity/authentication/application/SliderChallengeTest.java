package cn.etax.identity.authentication.application;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.UnaryOperator;

import static cn.etax.identity.authentication.application.SliderChallenge.Verdict.EXPIRED;
import static cn.etax.identity.authentication.application.SliderChallenge.Verdict.OFF_THE_GAP;
import static cn.etax.identity.authentication.application.SliderChallenge.Verdict.PASSED;
import static cn.etax.identity.authentication.application.SliderChallenge.Verdict.TOO_FAST;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("RULE-LOCK: the slider challenge is a token the platform signed; the answer is judged on it alone")
class SliderChallengeTest {

    private final Instant issued = Instant.parse("2026-12-06T02:00:00Z");
    private final UnaryOperator<String> mac = hmac("platform key");

    private static UnaryOperator<String> hmac(String key) {
        return payload -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return HexFormat.of().formatHex(m.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private SliderChallenge readBack(SliderChallenge challenge) {
        return SliderChallenge.parse(challenge.token(mac), mac).orElseThrow();
    }

    @Test
    @DisplayName("a dragged answer within 4 points of the gap passes; 5 points off does not")
    void tolerance() {
        SliderChallenge c = readBack(SliderChallenge.issue(issued, 40));
        Instant later = issued.plusSeconds(2);
        assertThat(c.position()).isEqualTo(40);
        assertThat(c.judge(36, later)).isEqualTo(PASSED);
        assertThat(c.judge(44, later)).isEqualTo(PASSED);
        assertThat(c.judge(35, later)).isEqualTo(OFF_THE_GAP);
        assertThat(c.judge(45, later)).isEqualTo(OFF_THE_GAP);
    }

    @Test
    @DisplayName("answered faster than a person drags: refused even on the gap")
    void too_fast() {
        SliderChallenge c = readBack(SliderChallenge.issue(issued, 40));
        assertThat(c.judge(40, issued.plusMillis(299))).isEqualTo(TOO_FAST);
        assertThat(c.judge(40, issued.plusMillis(300))).isEqualTo(PASSED);
    }

    @Test
    @DisplayName("two minutes after it was issued the challenge is dead")
    void expires() {
        SliderChallenge c = readBack(SliderChallenge.issue(issued, 40));
        assertThat(c.judge(40, issued.plusSeconds(119))).isEqualTo(PASSED);
        assertThat(c.judge(40, issued.plusSeconds(120))).isEqualTo(EXPIRED);
        assertThat(c.expiresAt()).isEqualTo(issued.plusSeconds(120));
    }

    @Test
    @DisplayName("a token with another position, time or MAC, or signed with another key, is not a challenge")
    void tampered_tokens_are_refused() {
        String token = SliderChallenge.issue(issued, 40).token(mac);
        assertThat(token.length()).isLessThanOrEqualTo(SliderChallenge.MAX_TOKEN_LENGTH);
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);
        char flipped = payload.charAt(20) == 'A' ? 'B' : 'A';
        String otherPayload = payload.substring(0, 20) + flipped + payload.substring(21);

        assertThat(SliderChallenge.parse(otherPayload + '.' + signature, mac)).isEmpty();
        assertThat(SliderChallenge.parse(payload + '.' + "0".repeat(signature.length()), mac)).isEmpty();
        assertThat(SliderChallenge.parse(token, hmac("another key"))).isEmpty();
        assertThat(SliderChallenge.parse(payload, mac)).isEmpty();
        assertThat(SliderChallenge.parse("", mac)).isEmpty();
        assertThat(SliderChallenge.parse(null, mac)).isEmpty();
        assertThat(SliderChallenge.parse(token + "0".repeat(70), mac)).isEmpty();
        assertThat(SliderChallenge.parse("!!!." + signature, hmac("x"))).isEmpty();
        assertThat(SliderChallenge.parse(token, mac)).isPresent();
    }

    @Test
    @DisplayName("every challenge is a different token, even with the same gap at the same moment")
    void tokens_differ() {
        assertThat(SliderChallenge.issue(issued, 40).token(mac)).isNotEqualTo(SliderChallenge.issue(issued, 40)
                .token(mac));
    }
}
