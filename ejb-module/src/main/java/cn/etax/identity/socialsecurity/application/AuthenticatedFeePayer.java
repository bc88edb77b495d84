package cn.etax.identity.socialsecurity.application;

import cn.etax.identity.authentication.domain.AuthMethod;
import cn.etax.identity.socialsecurity.domain.FeePayerKind;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * LOGIN-10: a social-security fee payer's account that completed 社保费登录 — what the session carries as its caller.
 * Not a natural person: the session reaches the social-security fee services and nothing else.
 */
public record AuthenticatedFeePayer(long accountId, String username, FeePayerKind kind, String payerName,
                                    String payerMasked, boolean purePayer, List<AuthMethod> methods,
                                    Instant authenticatedAt) implements Serializable {
}
