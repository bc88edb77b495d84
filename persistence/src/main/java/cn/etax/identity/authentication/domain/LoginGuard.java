package cn.etax.identity.authentication.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/**
 * RULE-LOCK for one person ({@link ConsecutiveFailures}). The row is read with a pessimistic lock, so attempts of
 * one person are serialised across threads and nodes.
 */
@Entity
@Table(name = "login_guard")
public class LoginGuard extends ConsecutiveFailures {

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
