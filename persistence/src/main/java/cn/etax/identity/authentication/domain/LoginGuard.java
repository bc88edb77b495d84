package cn.etax.identity.authentication.domain;

import cn.etax.identity.shared.RowLock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.QueryHint;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.LocalDate;

/**
 * RULE-LOCK for one person ({@link ConsecutiveFailures}). The row is read with a pessimistic lock, so attempts of
 * one person are serialised across threads and nodes.
 */
@Entity
@Table(name = "login_guard")
@NamedQuery(name = LoginGuard.LOCKED, query = "select g from LoginGuard g where g.personId = :person",
        hints = @QueryHint(name = RowLock.HINT, value = RowLock.FOR_UPDATE))
public class LoginGuard extends ConsecutiveFailures {

    /** The person's row, locked for the transaction ({@link RowLock}). */
    public static final String LOCKED = "LoginGuard.locked";

    @Id
    @Column(name = "person_id")
    private Long personId;

    protected LoginGuard() {
    }

    public LoginGuard(Long personId, LocalDate today) {
        super(today);
        this.personId = personId;
    }

    public Long personId() {
        return personId;
    }
}
