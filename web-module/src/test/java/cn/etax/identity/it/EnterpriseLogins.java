package cn.etax.identity.it;

import jakarta.json.Json;

import static org.assertj.core.api.Assertions.assertThat;

/** LOGIN-2 over REST for tests outside EnterpriseLoginIT: password step with the slider, then the SMS step. */
final class EnterpriseLogins {

    private EnterpriseLogins() {
    }

    /** Answers the SMS step's reply, or the password step's when that one already refused. */
    static Reply login(Api browser, String creditCode, TestPerson p) {
        Api.Slider slider = browser.slider();
        slider.awaitHumanTime();
        Reply started = browser.post("/api/v1/login/enterprise/password", Json.createObjectBuilder()
                .add("creditCode", creditCode).add("account", p.phone()).add("password", p.password())
                .add("sliderToken", slider.token()).add("sliderPosition", slider.gap()).build());
        if (started.status() != 200) {
            return started;
        }
        String flow = started.string("flowToken");
        assertThat(browser.sendCode(flow).status()).isEqualTo(204);
        return browser.smsStep(flow, Sim.latestCode(p.phone()));
    }
}
