package cn.etax.identity.web.security;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Which account center a page belongs to, for the layout: a page of the enterprise, agent or special-subject account
 * center opened in a session of another kind — or a console page of a duty the clerk lacks — shows only why it is not
 * available, not its forms under the refusal.
 * A page names its area with {@code <ui:param name="area" .../>}; pages without one are open to every person. The
 * services refuse such calls on their own (ENTERPRISE_LOGIN_REQUIRED, ACCOUNT_CENTER_UNAVAILABLE,
 * PERSONAL_BUSINESS_REQUIRED, ...): this only decides what the page shows.
 */
@Named
@RequestScoped
public class AccountArea {

    /** Any enterprise identity (ENT-1, ENT-5, ENT-7, ENT-10, LOGIN-11). */
    public static final String ENTERPRISE = "enterprise";
    /** Legal representative or finance officer of the enterprise (ENT-2..ENT-4). */
    public static final String MANAGER = "manager";
    /** The same for the enterprise's agencies and mandates (ENT-8), refused in those words. */
    public static final String AGENCY_MANAGER = "agency-manager";
    /** The agent entry's session (AGT-1..AGT-3). */
    public static final String AGENT = "agent";
    /** A cross-region special subject's session (LOGIN-4). */
    public static final String CROSS_REGION = "crossregion";
    /** The account center's pages, in every person's session but a special subject's (LOGIN-4). */
    public static final String ACCOUNT = "account";
    /** The personal account center's own pages (REG-7, PER-7, LOGIN-5's application): personal business only. */
    public static final String PERSONAL = "personal";
    /** The clerk console's pages of the registration duty (§8). */
    public static final String CLERK_REGISTRATION = "clerk-registration";
    /** The clerk console's page of the administration duty (§8 clerk administration). */
    public static final String CLERK_ADMIN = "clerk-admin";

    @Inject
    CurrentEnterprise enterprise;

    @Inject
    CurrentAgent agent;

    @Inject
    Sessions sessions;

    @Inject
    HttpServletRequest request;

    /**
     * The message key telling why the area is not open in this session, or null when it is (or the page names no
     * area, or nobody is logged in: the login redirect answers that).
     */
    public String refusal(String area) {
        if (area == null || area.isEmpty()) {
            return null;
        }
        if (CLERK_REGISTRATION.equals(area) || CLERK_ADMIN.equals(area)) {
            String duty = CLERK_REGISTRATION.equals(area) ? "CLERK_REGISTRATION" : "CLERK_ADMIN";
            return !request.isUserInRole("CLERK") || request.isUserInRole(duty) ? null : "error.clerk_duty_required";
        }
        AuthenticatedPerson person = sessions.current(request);
        if (person == null) {
            return null;
        }
        return switch (area) {
            case ENTERPRISE -> enterprise.isPresent() ? null : "error.enterprise_login_required";
            case MANAGER -> !enterprise.isPresent() ? "error.enterprise_login_required"
                    : enterprise.isManager() ? null : "error.enterprise_manager_required";
            case AGENCY_MANAGER -> !enterprise.isPresent() ? "error.enterprise_login_required"
                    : enterprise.isManager() ? null : "error.agency_manager_required";
            case AGENT -> agent.isPresent() ? null : "error.agent_login_required";
            case CROSS_REGION -> person.crossRegion() != null ? null : "error.cross_region_login_required";
            case ACCOUNT -> person.crossRegion() == null ? null : "error.account_center_unavailable";
            case PERSONAL -> person.crossRegion() != null ? "error.account_center_unavailable"
                    : person.enterprise() == null && person.agent() == null ? null
                    : "error.personal_business_required";
            default -> throw new IllegalArgumentException("unknown account area " + area);
        };
    }

    /** The console's areas show the clerk's bar, not an account center's navigation. */
    public boolean clerkArea(String area) {
        return area != null && area.startsWith("clerk-");
    }
}
