package cn.etax.downstream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.stream.Collectors;

/**
 * {@code GET /downstream/api/whoami}: who is acting for whom, as the verified assertion says — a person, or (as the
 * social-security fee collection system would see it, LOGIN-10) a fee payer's account.
 */
@Path("whoami")
@RequestScoped
@RolesAllowed({"PERSON", "FEE_PAYER"})
public class WhoAmIResource {

    @Inject
    JsonWebToken jwt;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject whoami() {
        boolean feePayer = "SOCIAL_SECURITY".equals(text("identity_kind"));
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("subject", jwt.getSubject())
                .add("name", text("name"))
                .add("identityKind", text("identity_kind"));
        if (!feePayer) {
            b.add("personId", jwt.getSubject()).add("realNameLevel", number("real_name_level"));
        }
        b
                .add("authTime", number("auth_time"))
                .add("expiresAt", jwt.getExpirationTime())
                .add("assertionId", jwt.getTokenID())
                .add("enterprise", jwt.getGroups().contains("ENTERPRISE"))
                .add("actingFor", actingFor());
        copy(b, "amr", "authenticationMethods");
        copy(b, "taxpayer_id", "taxpayerId");
        copy(b, "taxpayer_credit_code", "taxpayerCreditCode");
        copy(b, "taxpayer_name", "taxpayerName");
        copy(b, "identity_type", "identityType");
        copy(b, "permissions", "permissions");
        copy(b, "agency_credit_code", "agencyCreditCode");
        copy(b, "agency_name", "agencyName");
        copy(b, "mandate_id", "mandateId");
        copy(b, "cross_region_kind", "crossRegionKind");
        copy(b, "cross_region_number", "crossRegionNumber");
        copy(b, "cross_region_role", "crossRegionRole");
        copy(b, "region", "region");
        copy(b, "tax_authority", "taxAuthority");
        copy(b, "fee_payer_kind", "feePayerKind");
        copy(b, "fee_payer", "feePayer");
        copy(b, "pure_payer", "purePayer");
        return b.build();
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    public String line() {
        return actingFor();
    }

    /**
     * "张* acts for 江西**有限公司 (91360…) as TAX_OFFICER", "张* acts for 江西**有限公司 (91360…) as agent of 洪城**有限公司
     * (91360…) under mandate 7", "张* acts for 江西**有限公司 (91360…) as HANDLER of INSPECTION 3604… in 江西省九江市濂溪区"
     * , "张* acts for himself (personal business)" or "南昌**中学 pays social-security fees as UNIT fee payer 1236…".
     */
    private String actingFor() {
        String kind = text("identity_kind");
        if ("SOCIAL_SECURITY".equals(kind)) {
            return text("name") + " pays social-security fees as " + text("fee_payer_kind") + " fee payer "
                    + text("fee_payer");
        }
        if (!"ENTERPRISE".equals(kind) && !"AGENT".equals(kind) && !"CROSS_REGION".equals(kind)) {
            return text("name") + " acts for himself (personal business)";
        }
        JsonValue permissions = jwt.getClaim("permissions");
        String listed = permissions instanceof JsonArray a ? a.getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).collect(Collectors.joining(",")) : "";
        String as = switch (kind) {
            case "AGENT" -> "agent of " + text("agency_name") + " (" + text("agency_credit_code") + ") under mandate "
                    + text("mandate_id");
            case "CROSS_REGION" -> text("cross_region_role") + " of " + text("cross_region_kind") + " "
                    + text("cross_region_number") + " in " + text("region");
            default -> text("identity_type");
        };
        return text("name") + " acts for " + text("taxpayer_name") + " (" + text("taxpayer_credit_code") + ") as "
                + as + " [" + listed + "]";
    }

    private String text(String claim) {
        Object v = jwt.getClaim(claim);
        if (v instanceof JsonString s) {
            return s.getString();
        }
        return v == null ? "" : v.toString();
    }

    private long number(String claim) {
        Object v = jwt.getClaim(claim);
        if (v instanceof JsonNumber n) {
            return n.longValue();
        }
        return v instanceof Number n ? n.longValue() : 0;
    }

    private void copy(JsonObjectBuilder b, String claim, String name) {
        Object v = jwt.getClaim(claim);
        if (v instanceof JsonValue json) {
            b.add(name, json);
        } else if (v instanceof Number n) {
            b.add(name, n.longValue());
        } else if (v != null) {
            b.add(name, v.toString());
        }
    }
}
