package cn.etax.identity.web.security;

import java.io.Serializable;

/**
 * LOGIN-9, API-2: a login as downstream applications know it — the {@code sid} its assertions carry (one per login,
 * the same across identity switches), the {@code sub} they name, and whether that is a social-security fee payer
 * (LOGIN-10, whose assertions have the fee collection system's audience). Kept with the HTTP session once the first
 * assertion is handed out; a logout token names it when the session ends.
 */
public record LoginSession(String sid, String subject, boolean feePayer) implements Serializable {
}
