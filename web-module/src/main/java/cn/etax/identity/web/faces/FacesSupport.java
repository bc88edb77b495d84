package cn.etax.identity.web.faces;

import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.web.i18n.Texts;
import cn.etax.identity.web.rest.Clients;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/** What every backing bean needs: messages in the view's language and the client of the request. */
public final class FacesSupport {

    private FacesSupport() {
    }

    public static void error(DomainException e) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = Texts.error(faces.getViewRoot().getLocale(), e);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        faces.validationFailed();
    }

    public static void info(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = Texts.text(faces.getViewRoot().getLocale(), key, arguments);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    public static String text(String key, Object... arguments) {
        return Texts.text(FacesContext.getCurrentInstance().getViewRoot().getLocale(), key, arguments);
    }

    public static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    public static ClientContext client() {
        return Clients.of(request());
    }
}
