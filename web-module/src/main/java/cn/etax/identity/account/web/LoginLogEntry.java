package cn.etax.identity.account.web;

import cn.etax.identity.authentication.domain.LoginRecord;
import cn.etax.identity.web.i18n.Texts;

import java.io.Serializable;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One login-log row as people and integrators read it (PER-8): codes plus their texts in the reader's language.
 * A failure reason is an error code; its text is the error message the person saw, or — where that message counts
 * remaining attempts or names an unlock time — the shorter {@code loginLog.reason.*} wording. {@code entry}: PERSON
 * or ENTERPRISE (LOGIN-1 / LOGIN-2). {@code time} in the business zone with its offset (RFC 3339, no zone name).
 */
public record LoginLogEntry(OffsetDateTime time, String method, String methodText, String outcome, String outcomeText,
                            String reason, String reasonText, String address, String entry)
        implements Serializable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public static LoginLogEntry of(LoginRecord r, ZoneId zone, Locale locale) {
        String method = r.method() == null ? null : r.method().name();
        String reason = r.reason();
        return new LoginLogEntry(r.occurredAt().atZone(zone).toOffsetDateTime(), method,
                method == null ? "" : Texts.text(locale, "loginLog.method." + method),
                r.outcome().name(), Texts.text(locale, "loginLog.outcome." + r.outcome().name()),
                reason, reasonText(reason, locale), r.clientAddress(), r.entry());
    }

    /** The time as the page shows it, in the business zone. */
    public String timeText() {
        return TIME.format(time);
    }

    static String reasonText(String code, Locale locale) {
        if (code == null) {
            return "";
        }
        String lower = code.toLowerCase(Locale.ROOT);
        String specific = "loginLog.reason." + lower;
        String text = Texts.text(locale, specific);
        if (!text.equals(specific)) {
            return text;
        }
        String general = "error." + lower;
        text = Texts.text(locale, general);
        return text.equals(general) ? code : text;
    }
}
