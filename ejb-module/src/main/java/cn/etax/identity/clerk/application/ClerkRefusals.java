package cn.etax.identity.clerk.application;

import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.clerk.domain.Clerk;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.application.ClientContext;

import java.util.function.Supplier;

/** A refused console action is recorded with the clerk and his office, apart from its rolled-back transaction. */
final class ClerkRefusals {

    private ClerkRefusals() {
    }

    static <T> T audited(AuditService audit, Clerk clerk, String target, ClientContext client, Supplier<T> step) {
        try {
            return step.get();
        } catch (DomainException e) {
            audit.recordSeparately(null, "CLERK_ACTION_REFUSED", target, clerk.describe() + ": " + e.code(), client);
            throw e;
        }
    }
}
