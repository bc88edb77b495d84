package cn.etax.identity.clerk.rest;

import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.InvalidInputException;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.http.HttpServletRequest;

import java.util.function.Supplier;

/** What the console's resources share: a clerk's duty asked before the EJB call, and a body that must be there. */
final class ClerkDuty {

    private ClerkDuty() {
    }

    /**
     * A clerk without the duty the EJB method demands gets 403 with a message (not the anonymous caller's 401). The
     * EJB's {@code @RolesAllowed} is what enforces it; asking first keeps a container access failure, which Payara
     * logs as a system exception, out of everyday use.
     */
    static <T> T call(HttpServletRequest request, String role, Supplier<T> call) {
        if (!request.isUserInRole(role)) {
            throw new ForbiddenException("CLERK_DUTY_REQUIRED");
        }
        try {
            return call.get();
        } catch (EJBAccessException e) {
            throw new ForbiddenException("CLERK_DUTY_REQUIRED");
        }
    }

    static <T> T require(T body) {
        if (body == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        return body;
    }
}
