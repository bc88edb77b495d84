package cn.etax.identity.web.faces;

import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.web.i18n.Texts;
import cn.etax.identity.web.rest.Clients;
import cn.etax.identity.web.security.Sessions;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.PartialViewContext;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;

/** What every backing bean needs: messages in the view's language and the client of the request. */
public final class FacesSupport {

    /** The layout's header (language, identity, account center, logout). */
    private static final String HEADER_FORM = "headerForm";

    private FacesSupport() {
    }

    /**
     * The refusal as a page message. One whose identity is gone ({@code CURRENT_IDENTITY_UNAVAILABLE}) also ends
     * that identity in the session ({@link Sessions#identityLost}): the header stops naming it, in this very answer
     * when it is a button's Ajax answer.
     */
    public static void error(DomainException e) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = Texts.error(locale(faces), e);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        faces.validationFailed();
        if ("CURRENT_IDENTITY_UNAVAILABLE".equals(e.code())) {
            CDI.current().select(Sessions.class).get().identityLost(request());
            // a button's Ajax answer renders the header too, which no longer names what the session lost
            PartialViewContext partial = faces.getPartialViewContext();
            if (partial.isAjaxRequest() && !partial.isRenderAll()
                    && faces.getViewRoot().findComponent(HEADER_FORM) != null) {
                partial.getRenderIds().add(HEADER_FORM);
            }
        }
    }

    public static void info(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = Texts.text(locale(faces), key, arguments);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    public static String text(String key, Object... arguments) {
        return Texts.text(locale(FacesContext.getCurrentInstance()), key, arguments);
    }

    /**
     * The session's language ({@link LocaleBacking}): during an {@code f:viewAction} of a GET the view root holds
     * only the browser's Accept-Language, since the template's {@code f:view locale} is applied when the view is
     * built for rendering.
     */
    private static Locale locale(FacesContext faces) {
        Locale chosen = faces.getApplication().evaluateExpressionGet(faces, "#{localeBacking.locale}", Locale.class);
        return chosen != null ? chosen : faces.getViewRoot().getLocale();
    }

    public static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    public static ClientContext client() {
        return Clients.of(request());
    }
}
