package cn.etax.identity.sso.application;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.authentication.domain.AuthMethod;
import cn.etax.identity.grant.application.EnterpriseIdentity;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.application.JsonBuilders;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;

/**
 * API-2: the claims of an identity assertion — standard JWT/MicroProfile JWT claims plus who acts for whom.
 *
 * <ul>
 *   <li>{@code iss}, {@code aud}, {@code iat}, {@code exp}, {@code jti}; {@code sub} and {@code upn} = the person id;
 *       {@code groups} = ["PERSON"] (the MicroProfile JWT role), plus "ENTERPRISE" for an enterprise identity;</li>
 *   <li>{@code name} (masked, RULE-MASK), {@code real_name_level}, {@code amr} (authentication methods),
 *       {@code auth_time} (seconds, when the two-factor login completed);</li>
 *   <li>{@code identity_kind} ENTERPRISE or PERSONAL; for ENTERPRISE {@code taxpayer_id},
 *       {@code taxpayer_credit_code}, {@code taxpayer_name} (masked), {@code identity_type}, {@code permissions}
 *       and {@code grant_id}.</li>
 * </ul>
 */
public final class AssertionClaims {

    private AssertionClaims() {
    }

    public static JsonObject of(AuthenticatedPerson person, String issuer, String audience, Instant issuedAt,
                                Instant expiresAt, String id) {
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
                .add("jti", id)
                .add("name", Masking.name(person.name()))
                .add("real_name_level", person.realNameLevel())
                .add("amr", amr)
                .add("auth_time", person.authenticatedAt().getEpochSecond())
                .add("identity_kind", e == null ? "PERSONAL" : "ENTERPRISE");
        if (e != null) {
            groups.add("ENTERPRISE");
            JsonArrayBuilder permissions = JsonBuilders.array();
            e.permissions().stream().map(Permission::name).sorted().forEach(permissions::add);
            claims.add("grant_id", e.grantId())
                    .add("taxpayer_id", e.taxpayerId())
                    .add("taxpayer_credit_code", e.creditCode())
                    .add("taxpayer_name", e.taxpayerName())
                    .add("identity_type", e.identityType().name())
                    .add("permissions", permissions);
        }
        return claims.add("groups", groups).build();
    }
}
