package cn.etax.identity.web.i18n;

import cn.etax.identity.shared.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Every user-visible text exists in Chinese and English, and every error code has its message")
class BundleCompletenessTest {

    private static final Pattern THROWN_CODE = Pattern.compile("Exception\\(\\s*\"([A-Z][A-Z0-9_]+)\"");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundleCompletenessTest.class.getResourceAsStream("/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void all_three_bundles_have_the_same_keys() throws IOException {
        Set<String> base = load("messages.properties").stringPropertyNames();
        assertThat(load("messages_zh_CN.properties").stringPropertyNames()).isEqualTo(base);
        assertThat(load("messages_en.properties").stringPropertyNames()).isEqualTo(base);
    }

    @Test
    void chinese_is_the_default_and_english_is_translated() throws IOException {
        Properties zh = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertThat(zh.getProperty("error.user_not_registered")).isEqualTo("该用户未注册");
        assertThat(zh.getProperty("error.phone_not_registered")).isEqualTo("手机号码不存在，您可以尝试使用证件号码登录");
        assertThat(zh.getProperty("error.password_not_set")).isEqualTo("尚未设置密码");
        assertThat(zh.getProperty("error.sms_too_frequent")).startsWith("发送过于频繁，请稍后重试");
        for (String key : en.stringPropertyNames()) {
            assertThat(en.getProperty(key)).as(key).doesNotContainPattern("[\\u4e00-\\u9fff]{2,}");
        }
    }

    @Test
    void every_error_code_thrown_in_the_services_has_a_message() throws IOException {
        Properties zh = load("messages.properties");
        Set<String> missing = new TreeSet<>();
        for (String module : new String[]{"persistence", "ejb-module", "web-module"}) {
            Path root = Path.of("..", module, "src", "main", "java");
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = THROWN_CODE.matcher(Files.readString(file));
                    while (m.find()) {
                        String key = "error." + m.group(1).toLowerCase(Locale.ROOT);
                        if (!zh.containsKey(key)) {
                            missing.add(key + " (" + file.getFileName() + ")");
                        }
                    }
                }
            }
        }
        assertThat(missing).as("error codes without a message").isEmpty();
    }

    @Test
    void texts_format_arguments_in_the_requested_language() {
        assertThat(Texts.error(Locale.SIMPLIFIED_CHINESE, new InvalidInputException("PASSWORD_LENGTH", 8, 16)))
                .isEqualTo("密码长度为8-16位");
        assertThat(Texts.error(Locale.ENGLISH, new InvalidInputException("PASSWORD_LENGTH", 8, 16)))
                .isEqualTo("The password must be 8-16 characters long");
        assertThat(Texts.error(Locale.GERMAN, new InvalidInputException("USER_NOT_REGISTERED")))
                .isEqualTo("该用户未注册");
    }
}
