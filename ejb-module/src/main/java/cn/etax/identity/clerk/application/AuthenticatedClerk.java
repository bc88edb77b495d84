package cn.etax.identity.clerk.application;

import cn.etax.identity.clerk.domain.ClerkRole;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/** A clerk who proved his password: what the console session carries as the caller. */
public record AuthenticatedClerk(long clerkId, String username, String name, String taxOfficeCode,
                                 String taxOfficeName, Set<ClerkRole> roles, Instant authenticatedAt)
        implements Serializable {

    /** The principal name: never a bare number, so nothing reads it as a person id. */
    public String principalName() {
        return ClerkCaller.PREFIX + clerkId;
    }

    /** The same login, counted as opened just after {@code moment} (his own password change ended the others). */
    public AuthenticatedClerk openedAfter(Instant moment) {
        return new AuthenticatedClerk(clerkId, username, name, taxOfficeCode, taxOfficeName, roles,
                moment.plusNanos(1));
    }
}
