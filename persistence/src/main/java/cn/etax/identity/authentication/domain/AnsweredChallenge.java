package cn.etax.identity.authentication.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A slider challenge that has had its one answer. The challenge itself is a signed token the platform does not
 * store; this row, keyed by the token's digest, is what makes it single use: a second answer, even one racing the
 * first, collides with the primary key. Kept until the challenge would have expired anyway, then removed.
 */
@Entity
@Table(name = "answered_challenge")
public class AnsweredChallenge {

    @Id
    @Column(name = "challenge_digest", length = 64)
    private String digest;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected AnsweredChallenge() {
    }

    public AnsweredChallenge(String digest, Instant expiresAt) {
        this.digest = digest;
        this.expiresAt = expiresAt;
    }

    public String digest() {
        return digest;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
