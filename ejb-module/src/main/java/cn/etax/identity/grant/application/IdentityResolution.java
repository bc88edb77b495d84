package cn.etax.identity.grant.application;

import java.io.Serializable;
import java.util.List;

/**
 * LOGIN-2: what the person's grants in the taxpayer allow at this moment. {@code LOGGED_IN} carries the identity;
 * {@code CHOOSE} and {@code CONFIRM} the options; {@code NONE} and {@code FROZEN} end the attempt with the seeds'
 * messages.
 */
public record IdentityResolution(Outcome outcome, EnterpriseIdentity identity, List<IdentityOption> options)
        implements Serializable {

    public enum Outcome { LOGGED_IN, CHOOSE, CONFIRM, NONE, FROZEN }

    public IdentityResolution {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
