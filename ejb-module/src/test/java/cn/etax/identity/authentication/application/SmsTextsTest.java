package cn.etax.identity.authentication.application;

import cn.etax.identity.authentication.domain.FlowKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("RULE-SMS: every journey that can send a code has its SMS text in Chinese and English, with code and life")
class SmsTextsTest {

    private static final String BUNDLE = "cn.etax.identity.authentication.application.sms-messages";

    @Test
    void every_journey_that_sends_codes_has_its_text() {
        for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale);
            for (FlowKind kind : FlowKind.values()) {
                if (kind == FlowKind.GRANT_CONFIRMATION || kind == FlowKind.QR_LOGIN) {
                    continue; // proven by a QR face check, or (LOGIN-7) by the app that scans: no SMS code
                }
                String key = "sms." + kind.name().toLowerCase(Locale.ROOT);
                assertThat(texts.containsKey(key)).as("%s in %s", key, locale).isTrue();
                assertThat(MessageFormat.format(texts.getString(key), "123456", 5)).contains("123456", "5");
            }
        }
    }
}
