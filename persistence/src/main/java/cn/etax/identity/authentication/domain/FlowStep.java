package cn.etax.identity.authentication.domain;

/**
 * Where a flow stands. {@code STARTED}: the first step passed (identity checked, password verified) — for a
 * certificate login (LOGIN-6): the challenge was issued; {@code CERTIFIED}: the certificate's key signed the
 * challenge (LOGIN-11: the old enterprise password passed); {@code VERIFIED}: the second factor passed; {@code COMPLETED}: the flow did what it was for and is dead.
 */
public enum FlowStep {
    STARTED, CERTIFIED, VERIFIED, COMPLETED
}
