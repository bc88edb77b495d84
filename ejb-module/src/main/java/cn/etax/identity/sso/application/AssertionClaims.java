package cn.etax.identity.sso.application;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.authentication.domain.AuthMethod;
import cn.etax.identity.crossregion.application.CrossRegionIdentity;
import cn.etax.identity.grant.application.AgentIdentity;
import cn.etax.identity.grant.application.EnterpriseIdentity;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.application.JsonBuilders;
import cn.etax.identity.socialsecurity.application.AuthenticatedFeePayer;
import cn.etax.identity.socialsecurity.domain.FeePayerKind;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;
import java.util.Set;

/**
 * API-2: the claims of an identity assertion — standard JWT/MicroProfile JWT claims plus who acts for whom.
 *
 * <ul>
 *   <li>{@code iss}, {@code aud}, {@code iat}, {@code exp}, {@code jti}; {@code sub} and {@code upn} = the person id;
 *       {@code sid} = the login session (one per login, the same across identity switches; a back-channel logout
 *       token names it when the session ends, see {@link #logout});
 *       {@code groups} = ["PERSON"] (the MicroProfile JWT role), plus "ENTERPRISE" for an enterprise identity;</li>
 *   <li>{@code name} (masked, RULE-MASK), {@code real_name_level}, {@code amr} (authentication methods),
 *       {@code auth_time} (seconds, when the two-factor login completed, in real time like {@code iat});</li>
 *   <li>{@code identity_kind} ENTERPRISE, AGENT, CROSS_REGION or PERSONAL; for ENTERPRISE {@code taxpayer_id},
 *       {@code taxpayer_credit_code}, {@code taxpayer_name} (masked), {@code identity_type}, {@code permissions}
 *       and {@code grant_id}; for AGENT (LOGIN-3, AGT-4: an agent acting for a client) the client as
 *       {@code taxpayer_*}, the agent's {@code permissions} there, {@code agency_credit_code}, {@code agency_name}
 *       (masked) and {@code mandate_id}, and the group "AGENT"; for CROSS_REGION (LOGIN-4: a cross-region subject)
 *       the taxpayer as {@code taxpayer_*}, {@code cross_region_kind}, {@code cross_region_number},
 *       {@code cross_region_role}, {@code region}, {@code tax_authority}, {@code permissions} and the group
 *       "CROSS_REGION".</li>
 * </ul>
 *
 * <p>LOGIN-10: a social-security fee payer's session ({@link #ofFeePayer}) is no person's: {@code sub} and {@code upn}
 * are {@code fee-payer:<account id>}, {@code groups} = ["FEE_PAYER"], {@code identity_kind} SOCIAL_SECURITY, with
 * {@code name} (the payer's, masked), {@code fee_payer_kind} (UNIT or PERSON), {@code fee_payer} (credit code, or the
 * ID number masked), {@code pure_payer}, {@code amr} and {@code auth_time}.
 */
public final class AssertionClaims {

    /** The event a logout token carries (OpenID Connect Back-Channel Logout 1.0, 2.4). */
    public static final String LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private AssertionClaims() {
    }

    public static JsonObject of(AuthenticatedPerson person, String issuer, String audience, Instant issuedAt,
                                Instant expiresAt, String id, String sid, Instant authTime) {
        JsonArrayBuilder amr = JsonBuilders.array();
        for (AuthMethod m : person.methods()) {
            amr.add(m.name());
        }
        EnterpriseIdentity e = person.enterprise();
        JsonArrayBuilder groups = JsonBuilders.array().add("PERSON");
        JsonObjectBuilder claims = JsonBuilders.object()
                .add("iss", issuer)
                .add("aud", JsonBuilders.array().add(audience))
                .add("sub", Long.toString(person.personId()))
                .add("upn", Long.toString(person.personId()))
                .add("iat", issuedAt.getEpochSecond())
                .add("exp", expiresAt.getEpochSecond())
                .add("jti", id);
        if (sid != null) {
            claims.add("sid", sid);
        }
        claims.add("name", Masking.name(person.name()))
                .add("real_name_level", person.realNameLevel())
                .add("amr", amr)
                .add("auth_time", authTime.getEpochSecond())
                .add("identity_kind", person.crossRegion() != null ? "CROSS_REGION" : person.agent() != null ? "AGENT"
                        : e == null ? "PERSONAL" : "ENTERPRISE");
        AgentIdentity a = person.agent();
        CrossRegionIdentity c = person.crossRegion();
        if (c != null) {
            groups.add("CROSS_REGION");
            claims.add("taxpayer_id", c.taxpayerId())
                    .add("taxpayer_credit_code", c.creditCode())
                    .add("taxpayer_name", c.taxpayerName())
                    .add("cross_region_kind", c.kind().name())
                    .add("cross_region_number", c.number())
                    .add("cross_region_role", c.role().name())
                    .add("region", c.region())
                    .add("tax_authority", c.taxAuthority())
                    .add("permissions", sorted(c.permissions()));
        } else if (a != null) {
            groups.add("AGENT");
            claims.add("mandate_id", a.mandateId())
                    .add("agency_credit_code", a.agencyCreditCode())
                    .add("agency_name", a.agencyName())
                    .add("taxpayer_id", a.clientTaxpayerId())
                    .add("taxpayer_credit_code", a.clientCreditCode())
                    .add("taxpayer_name", a.clientName())
                    .add("permissions", sorted(a.permissions()));
        } else if (e != null) {
            groups.add("ENTERPRISE");
            claims.add("grant_id", e.grantId())
                    .add("taxpayer_id", e.taxpayerId())
                    .add("taxpayer_credit_code", e.creditCode())
                    .add("taxpayer_name", e.taxpayerName())
                    .add("identity_type", e.identityType().name())
                    .add("permissions", sorted(e.permissions()));
        }
        return claims.add("groups", groups).build();
    }

    /** LOGIN-10: the claims of a social-security fee payer's session, for the fee collection system. */
    public static JsonObject ofFeePayer(AuthenticatedFeePayer payer, String issuer, String audience, Instant issuedAt,
                                        Instant expiresAt, String id, String sid, Instant authTime) {
        JsonArrayBuilder amr = JsonBuilders.array();
        for (AuthMethod m : payer.methods()) {
            amr.add(m.name());
        }
        String subject = feePayerSubject(payer.accountId());
        JsonObjectBuilder claims = JsonBuilders.object()
                .add("iss", issuer)
                .add("aud", JsonBuilders.array().add(audience))
                .add("sub", subject)
                .add("upn", subject)
                .add("iat", issuedAt.getEpochSecond())
                .add("exp", expiresAt.getEpochSecond())
                .add("jti", id);
        if (sid != null) {
            claims.add("sid", sid);
        }
        return claims
                .add("name", payer.kind() == FeePayerKind.UNIT ? Masking.enterpriseName(payer.payerName())
                        : Masking.name(payer.payerName()))
                .add("amr", amr)
                .add("auth_time", authTime.getEpochSecond())
                .add("identity_kind", "SOCIAL_SECURITY")
                .add("fee_payer_kind", payer.kind().name())
                .add("fee_payer", payer.payerMasked())
                .add("pure_payer", payer.purePayer())
                .add("groups", JsonBuilders.array().add("FEE_PAYER"))
                .build();
    }

    /** LOGIN-10: the {@code sub} of a fee payer's assertions. */
    public static String feePayerSubject(long accountId) {
        return "fee-payer:" + accountId;
    }

    /**
     * LOGIN-9, API-2: the claims of a back-channel logout token (OpenID Connect Back-Channel Logout 1.0): the login
     * session {@code sid} of {@code subject} has ended. No {@code nonce}; {@code events} names the logout event; a
     * life of {@code expiresAt} so that a captured token cannot be replayed for long.
     */
    public static JsonObject logout(String subject, String sid, String issuer, String audience, Instant issuedAt,
                                    Instant expiresAt, String id) {
        return JsonBuilders.object()
                .add("iss", issuer)
                .add("aud", JsonBuilders.array().add(audience))
                .add("sub", subject)
                .add("sid", sid)
                .add("iat", issuedAt.getEpochSecond())
                .add("exp", expiresAt.getEpochSecond())
                .add("jti", id)
                .add("events", JsonBuilders.object().add(LOGOUT_EVENT, JsonBuilders.object()))
                .build();
    }

    private static JsonArrayBuilder sorted(Set<Permission> permissions) {
        JsonArrayBuilder names = JsonBuilders.array();
        permissions.stream().map(Permission::name).sorted().forEach(names::add);
        return names;
    }
}
