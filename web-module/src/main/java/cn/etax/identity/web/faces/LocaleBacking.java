package cn.etax.identity.web.faces;

import cn.etax.identity.web.i18n.Texts;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * The language of the pages: Chinese by default, English on request; kept for the session and in a cookie of its
 * own, so that the choice outlives the session (a logout, a deregistration, a timeout) in that browser.
 */
@Named
@SessionScoped
public class LocaleBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The chosen language's tag; nothing else. */
    static final String COOKIE = "ETAXLANG";

    private Locale locale = Texts.DEFAULT;

    @PostConstruct
    void fromCookie() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null) {
            return;
        }
        Object cookie = faces.getExternalContext().getRequestCookieMap().get(COOKIE);
        if (cookie instanceof Cookie c && c.getValue() != null && c.getValue().matches("[A-Za-z-]{2,12}")) {
            locale = Texts.supported(Locale.forLanguageTag(c.getValue()));
        }
    }

    public Locale getLocale() {
        return locale;
    }

    public String getLanguage() {
        return locale.getLanguage();
    }

    /** The language as the page's {@code lang} attribute states it ({@code zh-CN}, {@code en}). */
    public String getTag() {
        return locale.toLanguageTag();
    }

    public void switchTo(String language) {
        locale = Texts.supported(Locale.forLanguageTag(language));
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getViewRoot().setLocale(locale);
        String path = faces.getExternalContext().getRequestContextPath();
        faces.getExternalContext().addResponseCookie(COOKIE, locale.toLanguageTag(), Map.of("maxAge", 365 * 24 * 3600,
                "path", path.isEmpty() ? "/" : path, "httpOnly", true, "SameSite", "Lax"));
    }
}
