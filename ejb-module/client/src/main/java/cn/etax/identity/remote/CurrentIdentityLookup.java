package cn.etax.identity.remote;

/**
 * The identity a person acts in, looked up by a reference the integrator holds (API-2). JNDI name in
 * {@link Integrators#CURRENT_IDENTITY_LOOKUP}. Which references are understood is told by
 * {@link IdentityReference}'s permitted kinds; the platform resolves each one again at the moment of the call.
 */
public interface CurrentIdentityLookup {

    /**
     * {@code PERSON_NOT_FOUND} for an unknown or inactive person, {@code TAXPAYER_NOT_FOUND} for an unknown taxpayer,
     * {@code IDENTITY_NOT_ACTIVE} when no active grant gives the person that identity now, {@code IDENTITY_AMBIGUOUS}
     * when several do and the reference names no identity type.
     */
    CurrentIdentity lookup(IdentityReference reference) throws IdentityQueryException;
}
