package cn.etax.identity.web.security;

import cn.etax.identity.socialsecurity.application.AuthenticatedFeePayer;

/**
 * The credential the social-security fee entry hands to {@link Sessions} for the container's login after the fee
 * payer's login completed (LOGIN-10). Only server code constructs it.
 */
public record CompletedFeePayerLogin(AuthenticatedFeePayer payer) {
}
