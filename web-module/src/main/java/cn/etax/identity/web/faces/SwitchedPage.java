package cn.etax.identity.web.faces;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.web.security.Sessions;
import jakarta.faces.context.FacesContext;

import java.util.function.Supplier;

/**
 * The end of every identity switch on a page (ENT-9, AGT-3, LOGIN-4): the session acts as {@code next} from now on
 * (its id changes), the page it leads to says so, or — the session having ended meanwhile — the login page.
 */
public final class SwitchedPage {

    private SwitchedPage() {
    }

    /**
     * Answers {@code outcome}, with the message {@code key} and its argument kept for that page; the login page when
     * the session has ended. {@code argument} is read after the switch.
     */
    public static String to(Sessions sessions, AuthenticatedPerson next, String outcome, String key,
                            Supplier<Object> argument) {
        if (!sessions.switched(FacesSupport.request(), next)) {
            return "/login?faces-redirect=true";
        }
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        FacesSupport.info(key, argument.get());
        return outcome;
    }
}
