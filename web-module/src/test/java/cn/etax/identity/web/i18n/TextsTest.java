package cn.etax.identity.web.i18n;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The language of an Accept-Language header: supported, by weight, Chinese otherwise")
class TextsTest {

    @Test
    void picks_the_first_supported_language_by_weight() {
        assertThat(Texts.forAcceptLanguage("en")).isEqualTo(Locale.ENGLISH);
        assertThat(Texts.forAcceptLanguage("en-US")).isEqualTo(Locale.ENGLISH);
        assertThat(Texts.forAcceptLanguage("en-GB,en-US;q=0.8")).isEqualTo(Locale.ENGLISH);
        assertThat(Texts.forAcceptLanguage("zh-TW,en;q=0.8")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Texts.forAcceptLanguage("en;q=0,zh;q=0.1")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Texts.forAcceptLanguage("en-US,en;q=0.9")).isEqualTo(Locale.ENGLISH);
        assertThat(Texts.forAcceptLanguage("fr-FR,en;q=0.5")).isEqualTo(Locale.ENGLISH);
        assertThat(Texts.forAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Texts.forAcceptLanguage("zh")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Texts.forAcceptLanguage("en;q=0.4,zh;q=0.6")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void chinese_when_absent_unsupported_or_malformed() {
        assertThat(Texts.forAcceptLanguage(null)).isEqualTo(Texts.DEFAULT);
        assertThat(Texts.forAcceptLanguage("")).isEqualTo(Texts.DEFAULT);
        assertThat(Texts.forAcceptLanguage("fr-FR")).isEqualTo(Texts.DEFAULT);
        for (String malformed : new String[] {"en;q=abc", "xx-invalid-;;", ";", "en-"}) {
            assertThat(Texts.forAcceptLanguage(malformed)).as(malformed).isEqualTo(Texts.DEFAULT);
        }
    }
}
