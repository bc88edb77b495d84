package cn.etax.identity.clerk.domain;

import cn.etax.identity.authentication.domain.ConsecutiveFailures;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** RULE-LOCK for a clerk: the same counters and midnight unlock as a person's login guard, on a row of his own. */
@Entity
@Table(name = "clerk_login_guard")
public class ClerkLoginGuard extends ConsecutiveFailures {

    @Id
    @Column(name = "clerk_id")
    private Long clerkId;

    protected ClerkLoginGuard() {
    }

    public ClerkLoginGuard(long clerkId, LocalDate today) {
        super(today);
        this.clerkId = clerkId;
    }

    public Long clerkId() {
        return clerkId;
    }
}
