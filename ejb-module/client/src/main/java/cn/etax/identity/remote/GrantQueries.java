package cn.etax.identity.remote;

import java.util.List;

/**
 * Who may act for which taxpayer, as of the moment of the call (the platform's business clock): grants that are
 * frozen, expired, pending or ended never count. Remote business interface; JNDI name in
 * {@link Integrators#GRANT_QUERIES}.
 */
public interface GrantQueries {

    /**
     * ENT-4 seen from outside: the taxpayer's staff whose grant is active today, key personnel included, each with
     * identity type and permissions. {@code TAXPAYER_NOT_FOUND} for an unknown taxpayer, {@code CREDIT_CODE_INVALID}
     * for a malformed code.
     */
    List<StaffMember> activeStaff(String creditCode) throws IdentityQueryException;

    /**
     * PER-4 seen from outside: the enterprises a registered person may act for today — by his own grants, and as an
     * agent the clients of his agencies' mandates in force (identity type {@code AGENT}, {@code grantId} his grant in
     * the agency). {@code PERSON_NOT_FOUND} for an unknown person id.
     */
    List<AuthorisedEnterprise> authorisedEnterprises(long personId) throws IdentityQueryException;

    /**
     * May this person act for this taxpayer with this permission now? The answer names the identity that allows it —
     * one of his own grants, or as an agent ({@code AGENT}) a mandate of his agency in force with the permission in
     * its scope and his own — or the reason it does not. {@code PERMISSION_UNKNOWN} for a permission name outside
     * the catalogue.
     */
    ActingDecision mayAct(long personId, String creditCode, String permission) throws IdentityQueryException;
}
