package cn.etax.identity.authentication.domain;

/**
 * Where a flow stands. {@code STARTED}: the first step passed (identity checked, password verified);
 * {@code VERIFIED}: the second factor passed; {@code COMPLETED}: the flow did what it was for and is dead.
 */
public enum FlowStep {
    STARTED, VERIFIED, COMPLETED
}
