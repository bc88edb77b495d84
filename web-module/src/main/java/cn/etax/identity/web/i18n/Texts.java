package cn.etax.identity.web.i18n;

import cn.etax.identity.shared.DomainException;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The one place user-visible text is looked up: {@code i18n/messages} bundles (UTF-8), zh_CN by default, English
 * complete too. Pages and REST answers use the same keys, so an integrator sees the words a person sees.
 */
public final class Texts {

    public static final String BUNDLE = "i18n.messages";
    public static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private Texts() {
    }

    public static String text(Locale locale, String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, supported(locale));
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, supported(locale)).format(arguments);
    }

    public static String error(Locale locale, DomainException e) {
        return text(locale, e.messageKey(), e.arguments());
    }

    /**
     * The language of an {@code Accept-Language} header: the first of its ranges, by weight, that a supported
     * language matches; Chinese when none does, when the header is absent, or when it is malformed (a client's bad
     * header must not turn an answer into an error).
     */
    public static Locale forAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return DEFAULT;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header); // by weight, highest first
        } catch (IllegalArgumentException e) {
            return DEFAULT;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            // the language alone decides: en-US and en-GB read English, zh-TW and zh-HK the Chinese pages
            String language = range.getRange().split("-", 2)[0];
            if (language.equals("*") || language.equals("zh")) {
                return DEFAULT;
            }
            if (language.equals("en")) {
                return Locale.ENGLISH;
            }
        }
        return DEFAULT;
    }

    /** The supported locale nearest to the one asked for. */
    public static Locale supported(Locale requested) {
        if (requested != null && "en".equals(requested.getLanguage())) {
            return Locale.ENGLISH;
        }
        return DEFAULT;
    }
}
