package cn.etax.identity.web.faces;

import cn.etax.identity.web.i18n.Texts;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Locale;

/** The language of the pages: Chinese by default, English on request; kept for the session. */
@Named
@SessionScoped
public class LocaleBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    private Locale locale = Texts.DEFAULT;

    public Locale getLocale() {
        return locale;
    }

    public String getLanguage() {
        return locale.getLanguage();
    }

    public void switchTo(String language) {
        locale = Texts.supported(Locale.forLanguageTag(language));
        FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    }
}
