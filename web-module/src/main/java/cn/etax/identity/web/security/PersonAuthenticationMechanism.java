package cn.etax.identity.web.security;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.web.i18n.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.util.Set;

/**
 * Establishes the caller once the multi-step login is complete (password → second factor → agreements). The
 * steps themselves run in the EJB services; this mechanism only turns their result into a container login, with
 * a new session id (LOGIN-9), and keeps it for the session: every later request of the session is authenticated
 * again from the person the server-side session holds. Protected pages without a login go to the login page;
 * the protected API answers 401.
 */
@ApplicationScoped
public class PersonAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    @ConfigProperty(name = "identity.session.idle-minutes", defaultValue = "30")
    int idleMinutes;

    @Inject
    BusinessClock clock;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (context.getAuthParameters().getCredential() instanceof CompletedLogin login) {
            request.getSession(true);
            request.changeSessionId();
            CurrentSession.start(request.getSession(), login.person(), clock.now(), idleMinutes);
            return context.notifyContainerAboutLogin(new PersonPrincipal(login.person().personId()),
                    Set.of("PERSON"));
        }
        AuthenticatedPerson person = CurrentSession.person(request.getSession(false));
        if (person != null) {
            // the caller of every request of a logged-in session, with its role, from the server-side session (the
            // container's automatic session reuse answered about one concurrent request in twenty with 403)
            return context.notifyContainerAboutLogin(new PersonPrincipal(person.personId()), Set.of("PERSON"));
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        try {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("application/json;charset=UTF-8");
                String message = Texts.text(request.getHeader("Accept-Language") == null ? Texts.DEFAULT
                        : request.getLocale(), "error.not_logged_in");
                response.getWriter().write(Json.createObjectBuilder().add("code", "NOT_LOGGED_IN")
                        .add("message", message).build().toString());
                return AuthenticationStatus.SEND_FAILURE;
            }
            return context.redirect(request.getContextPath() + "/login.xhtml");
        } catch (IOException e) {
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }
}
