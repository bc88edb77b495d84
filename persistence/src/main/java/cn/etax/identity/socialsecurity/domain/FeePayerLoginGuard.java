package cn.etax.identity.socialsecurity.domain;

import cn.etax.identity.authentication.domain.ConsecutiveFailures;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** RULE-LOCK for a social-security fee payer's account (LOGIN-10): a person's counters on a row of its own. */
@Entity
@Table(name = "fee_payer_login_guard")
public class FeePayerLoginGuard extends ConsecutiveFailures {

    @Id
    @Column(name = "account_id")
    private Long accountId;

    protected FeePayerLoginGuard() {
    }

    public FeePayerLoginGuard(long accountId, LocalDate today) {
        super(today);
        this.accountId = accountId;
    }

    public Long accountId() {
        return accountId;
    }
}
