package cn.etax.identity.authentication.web;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.Sessions;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The last step of every login page: the completed login becomes the session's caller, then the account center —
 * the enterprise account center's basic information after the enterprise entry (ENT-1: "进入账户中心后，默认显示企业基本
 * 信息"), the agent account center's client information after the agent entry (AGT-1), the cross-region subject
 * after the special-subject entry (LOGIN-4), the personal profile otherwise.
 */
final class AccountCenterEntry {

    private AccountCenterEntry() {
    }

    static String home(AuthenticatedPerson person) {
        if (person.crossRegion() != null) {
            return "/account/crossregion/info.xhtml"; // LOGIN-4: no account center, the subject and its switch
        }
        if (person.agent() != null) {
            return "/account/agent/info.xhtml"; // AGT-1: the client's basic information first
        }
        return person.enterprise() == null ? "/account/profile.xhtml" : "/account/enterprise/info.xhtml";
    }

    static void enter(Sessions sessions, AuthenticatedPerson person) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        if (sessions.login(FacesSupport.request(), (HttpServletResponse) external.getResponse(), person)) {
            try {
                external.redirect(external.getRequestContextPath() + home(person));
                faces.responseComplete();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
