package cn.etax.identity.remote;

/** Names an integrator needs besides the interfaces: the role and the portable JNDI names of the remote views. */
public final class Integrators {

    /** The role every remote call needs; the server maps it to a group of its realm (README, "Integrators"). */
    public static final String ROLE = "INTEGRATOR";

    /** Application name of the EAR ({@code application.xml}). */
    public static final String APPLICATION = "etax-identity";

    /** The EJB module holding the remote views. */
    public static final String MODULE = "ejb-remote";

    /** {@code java:global/etax-identity/ejb-remote/GrantQueriesBean!cn.etax.identity.remote.GrantQueries}. */
    public static final String GRANT_QUERIES = "java:global/" + APPLICATION + "/" + MODULE + "/GrantQueriesBean!"
            + GrantQueries.class.getName();

    /**
     * {@code java:global/etax-identity/ejb-remote/CurrentIdentityLookupBean!cn.etax.identity.remote.CurrentIdentityLookup}.
     */
    public static final String CURRENT_IDENTITY_LOOKUP = "java:global/" + APPLICATION + "/" + MODULE
            + "/CurrentIdentityLookupBean!" + CurrentIdentityLookup.class.getName();

    private Integrators() {
    }
}
