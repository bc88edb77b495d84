package cn.etax.identity.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static cn.etax.identity.it.TestPerson.ZHANG_SAN;
import static org.assertj.core.api.Assertions.assertThat;

/** RULE-SMS on 张三's phone; each test starts a new day, so the phone's 10-minute window starts afresh. */
@DisplayName("RULE-SMS at most 10 codes per phone in 10 minutes")
class SmsQuotaIT {

    @BeforeEach
    void freshBusinessDay() {
        Sim.nextBusinessDay();
    }

    @Test
    @DisplayName("RULE-SMS, LOGIN-8: 10 codes are sent, the 11th answers 429 发送过于频繁，请稍后重试")
    void eleventhCodeIsRefused() {
        Api browser = Api.browser();
        String flow = browser.startLogin(ZHANG_SAN.phone(), ZHANG_SAN.password());
        int before = Sim.messagesTo(ZHANG_SAN.phone());

        for (int i = 1; i <= 10; i++) {
            assertThat(browser.sendCode(flow).status()).as("code %d", i).isEqualTo(204);
        }
        Reply eleventh = browser.sendCode(flow);

        assertThat(eleventh.status()).isEqualTo(429);
        assertThat(eleventh.code()).isEqualTo("SMS_TOO_FREQUENT");
        assertThat(eleventh.message()).startsWith("发送过于频繁，请稍后重试");
        assertThat(eleventh.header("Retry-After")).hasValueSatisfying(
                s -> assertThat(Integer.parseInt(s)).isBetween(1, 600));
        assertThat(Sim.messagesTo(ZHANG_SAN.phone()) - before).as("messages the phone received").isEqualTo(10);
    }

    @Test
    @DisplayName("RULE-SMS: 15 parallel sends from three login flows to one phone send exactly 10 codes")
    void parallelSendsStopAtTen() {
        List<Api> browsers = List.of(Api.browser(), Api.browser(), Api.browser());
        List<String> flows = browsers.stream().map(b -> b.startLogin(ZHANG_SAN.phone(), ZHANG_SAN.password())).toList();
        int before = Sim.messagesTo(ZHANG_SAN.phone());

        List<CompletableFuture<Reply>> pending = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            pending.add(browsers.get(i % 3).sendCodeAsync(flows.get(i % 3)));
        }
        List<Reply> replies = pending.stream().map(CompletableFuture::join).toList();

        assertThat(replies).filteredOn(r -> r.status() == 204).as("accepted").hasSize(10);
        assertThat(replies).filteredOn(r -> r.status() == 429).as("refused").hasSize(5)
                .allSatisfy(r -> assertThat(r.code()).isEqualTo("SMS_TOO_FREQUENT"));
        assertThat(Sim.messagesTo(ZHANG_SAN.phone()) - before).as("messages the phone received").isEqualTo(10);
    }

    @Test
    @DisplayName("RULE-SMS: ten minutes after the first code of the window, a code can be sent again")
    void windowReopensAfterTenMinutes() {
        Api browser = Api.browser();
        String flow = browser.startLogin(ZHANG_SAN.phone(), ZHANG_SAN.password());
        for (int i = 0; i < 10; i++) {
            browser.sendCode(flow);
        }
        assertThat(browser.sendCode(flow).status()).isEqualTo(429);

        Sim.moveClock(Duration.ofMinutes(10).plusSeconds(1));

        assertThat(browser.sendCode(flow).status()).isEqualTo(204);
        assertThat(browser.smsStep(flow, Sim.latestCode(ZHANG_SAN.phone())).string("status"))
                .as("the new code logs in").isEqualTo("LOGGED_IN");
    }

    @Test
    @DisplayName("RULE-SMS: any 10 minutes, not a new window after the first: 1 code, 9 at 9:50, then at 10:05 only one")
    void noBurstAtTheWindowsEdge() {
        Api browser = Api.browser();
        int before = Sim.messagesTo(ZHANG_SAN.phone());
        assertThat(browser.sendCode(browser.startLogin(ZHANG_SAN.phone(), ZHANG_SAN.password())).status())
                .isEqualTo(204);
        Sim.moveClock(Duration.ofMinutes(9).plusSeconds(50));
        String flow = browser.startLogin(ZHANG_SAN.phone(), ZHANG_SAN.password());
        for (int i = 2; i <= 10; i++) {
            assertThat(browser.sendCode(flow).status()).as("code %d", i).isEqualTo(204);
        }
        Sim.moveClock(Duration.ofSeconds(15));

        assertThat(browser.sendCode(flow).status()).as("the first code has aged out").isEqualTo(204);
        Reply twelfth = browser.sendCode(flow);
        assertThat(twelfth.code()).as("%s", twelfth).isEqualTo("SMS_TOO_FREQUENT");
        assertThat(twelfth.header("Retry-After")).hasValueSatisfying(
                r -> assertThat(Integer.parseInt(r)).as("until the codes of 9:50 are ten minutes old")
                        .isBetween(580, 586));
        assertThat(Sim.messagesTo(ZHANG_SAN.phone()) - before).as("messages the phone received").isEqualTo(11);
    }

    @Test
    @DisplayName("RULE-SMS: one registration sends codes to 10 numbers at most in 10 minutes; the 11th number → 429 "
            + "发送过于频繁，请稍后重试 and no message")
    void oneFlowCannotSendToAListOfNumbers() {
        Fixtures.Registration registration = Fixtures.Registration.start(Api.browser(), Fixtures.newCitizen());
        for (int i = 1; i <= 10; i++) {
            registration.sendCode(Fixtures.newPhone());
        }
        String eleventhNumber = Fixtures.newPhone();

        Reply eleventh = registration.trySendCode(eleventhNumber);

        assertThat(eleventh.status()).as("%s", eleventh).isEqualTo(429);
        assertThat(eleventh.code()).isEqualTo("SMS_TOO_FREQUENT");
        assertThat(eleventh.message()).startsWith("发送过于频繁，请稍后重试");
        assertThat(Sim.messagesTo(eleventhNumber)).as("messages the 11th number received").isZero();
    }

    @Test
    @DisplayName("RULE-SMS: codes to typed numbers from one client address, over new registrations, stop at the "
            + "throttle's 100 in 10 minutes; a login's code to the person's own phone is not counted")
    void oneAddressCannotSendToAListOfNumbers() {
        for (int flow = 0; flow < 10; flow++) {
            Fixtures.Registration registration = Fixtures.Registration.start(Api.browser(), Fixtures.newCitizen());
            for (int i = 0; i < 10; i++) {
                registration.sendCode(Fixtures.newPhone());
            }
        }
        Fixtures.Registration another = Fixtures.Registration.start(Api.browser(), Fixtures.newCitizen());
        String number = Fixtures.newPhone();

        Reply refused = another.trySendCode(number);

        assertThat(refused.status()).as("%s", refused).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("SMS_TOO_FREQUENT");
        assertThat(Sim.messagesTo(number)).isZero();
        Api browser = Api.browser();
        assertThat(browser.sendCode(browser.startLogin(ZHANG_SAN.phone(), ZHANG_SAN.password())).status())
                .as("a login's code").isEqualTo(204);
        Sim.moveClock(Duration.ofMinutes(11));
        assertThat(another.trySendCode(number).status()).as("a new window").isEqualTo(204);
    }
}
