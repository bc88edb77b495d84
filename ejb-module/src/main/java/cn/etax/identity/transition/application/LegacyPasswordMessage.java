package cn.etax.identity.transition.application;

import java.io.Serializable;

/**
 * LOGIN-11: a taxpayer's old shared enterprise password as the old system kept it — {@code digest} in the form
 * {@link LegacyPasswordDigest} accepts, never the password.
 */
public record LegacyPasswordMessage(String creditCode, String digest) implements Serializable {
}
