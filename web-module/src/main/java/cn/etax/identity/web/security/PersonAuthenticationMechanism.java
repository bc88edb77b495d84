package cn.etax.identity.web.security;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.clerk.application.AuthenticatedClerk;
import cn.etax.identity.clerk.domain.ClerkRole;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.JsonBuilders;
import cn.etax.identity.web.i18n.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Establishes the caller once the multi-step login is complete (password → second factor → agreements). The
 * steps themselves run in the EJB services; this mechanism only turns their result into a container login, with
 * a new session id (LOGIN-9), and keeps it for the session. Protected pages without a login go to the login page;
 * the protected API answers 401. A tax-office clerk (§8) logs in through the same mechanism with a principal and
 * roles of his own ({@code CLERK} and his counter duties, never {@code PERSON}); the console's pages send him to the
 * clerk login page.
 *
 * <p>Later requests of a logged-in session are re-established here from the session's caller, with principal
 * <em>and</em> groups, instead of {@code @AutoApplySession}: that one hands the container the principal alone, and
 * on Payara 6 concurrent requests of different sessions then now and then lost their roles (an HTML 403 for a
 * logged-in caller; seen with two clerks, and with two persons, sending requests at the same moment).
 */
@ApplicationScoped
public class PersonAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Set<String> PERSON_GROUPS = Set.of("PERSON");

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
            return context.notifyContainerAboutLogin(new PersonPrincipal(login.person().personId()), PERSON_GROUPS);
        }
        if (context.getAuthParameters().getCredential() instanceof CompletedClerkLogin login) {
            request.getSession(true);
            request.changeSessionId();
            CurrentSession.startClerk(request.getSession(), login.clerk(), clock.now(), idleMinutes);
            return context.notifyContainerAboutLogin(new ClerkPrincipal(login.clerk()), clerkGroups(login.clerk()));
        }
        HttpSession session = request.getSession(false);
        AuthenticatedPerson person = CurrentSession.person(session);
        if (person != null) {
            return context.notifyContainerAboutLogin(new PersonPrincipal(person.personId()), PERSON_GROUPS);
        }
        AuthenticatedClerk clerk = CurrentSession.clerk(session);
        if (clerk != null) {
            return context.notifyContainerAboutLogin(new ClerkPrincipal(clerk), clerkGroups(clerk));
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
                response.getWriter().write(JsonBuilders.object().add("code", "NOT_LOGGED_IN")
                        .add("message", message).build().toString());
                return AuthenticationStatus.SEND_FAILURE;
            }
            if (request.getRequestURI().startsWith(request.getContextPath() + "/clerk/")) {
                return context.redirect(request.getContextPath() + "/clerk/login.xhtml");
            }
            return context.redirect(request.getContextPath() + "/login.xhtml");
        } catch (IOException e) {
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    private static Set<String> clerkGroups(AuthenticatedClerk clerk) {
        Set<String> groups = new HashSet<>();
        groups.add(ClerkRole.CLERK);
        clerk.roles().forEach(r -> groups.add(r.name()));
        return groups;
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }
}
