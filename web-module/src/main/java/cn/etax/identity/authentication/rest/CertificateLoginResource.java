package cn.etax.identity.authentication.rest;

import cn.etax.identity.authentication.application.CertificateAccepted;
import cn.etax.identity.authentication.application.CertificateChallenge;
import cn.etax.identity.authentication.application.CertificateLoginService;
import cn.etax.identity.authentication.application.PasswordAccepted;
import cn.etax.identity.certificate.rest.Base64Fields;
import cn.etax.identity.grant.application.StaffOption;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.web.rest.Clients;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

/**
 * LOGIN-6 certificate login (数字证书登录) over REST: challenge → the key's signature (made by the certificate helper
 * next to the key, after its PIN) → the tax staff identity → the second factor with {@code /api/v1/login/sms-code},
 * {@code /sms} or {@code /qr…} of {@link LoginResource}, which answers LOGGED_IN with the identity.
 */
@ApplicationScoped
@Path("v1/login/certificate")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "login", description = "Natural-person and enterprise login (LOGIN-1, LOGIN-2, RULE-2FA)")
public class CertificateLoginResource {

    @EJB
    CertificateLoginService certificateLogin;

    @Context
    HttpServletRequest request;

    /** {@code challenge}: Base64 of the exact bytes the key signs; sign before {@code expiresAt}, once. */
    @Schema(name = "CertificateLoginChallenge")
    public record Challenge(String flowToken, String challenge, String expiresAt) {
    }

    /** Base64 (DER) certificate, optional intermediate CA certificates, Base64 signature over the challenge bytes. */
    public record SignatureStep(String flowToken, String certificate, List<String> intermediates, String signature) {
    }

    /** A staff identity to choose (LOGIN-6; LOGIN-11's old entry lists them the same way). */
    public record Staff(long grantId, String name, String idNumber, IdentityType identityType,
                        Set<Permission> permissions, GrantState state) {

        public static Staff of(StaffOption o) {
            return new Staff(o.grantId(), o.nameMasked(), o.idMasked(), o.identityType(), o.permissions(), o.state());
        }
    }

    public record Certified(String holder, String creditCode, String taxpayerName, String serialNumber,
                            String algorithm, List<Staff> staff) {
    }

    @Schema(name = "CertificateLoginStaffStep")
    public record StaffStep(String flowToken, Long grantId) {
    }

    @POST
    @Path("challenge")
    @Operation(summary = "LOGIN-6 step 1: a one-time challenge (256 random bits, short life, bound to this login) for "
            + "the certificate's key to sign. With ?entry=agent the agent entry's certificate variant (LOGIN-3): the "
            + "key must be a tax-agent institution's (NOT_TAX_AGENT_INSTITUTION), the staff listed are its agents, and "
            + "the second factor answers CHOOSE_CLIENT")
    public Challenge challenge(@QueryParam("entry") String entry) {
        CertificateChallenge c = certificateLogin.challenge("agent".equals(entry), Clients.of(request));
        return new Challenge(c.flowToken(), Base64Fields.encode(c.data()), c.expiresAt().toString());
    }

    @POST
    @Path("signature")
    @Operation(summary = "LOGIN-6 step 2: the key's SM2 or RSA signature over the challenge with its certificate; the "
            + "platform checks signature, chain to the tax CA roots, validity and revocation, maps the certificate to "
            + "its taxpayer and lists the tax staff to log in as (the challenge is used up by this call)")
    public Certified signature(SignatureStep step) {
        SignatureStep s = require(step);
        byte[] certificate = Base64Fields.decode(s.certificate(), "CERTIFICATE_MALFORMED");
        List<byte[]> intermediates = s.intermediates() == null ? List.of()
                : s.intermediates().stream().map(i -> Base64Fields.decode(i, "CERTIFICATE_MALFORMED")).toList();
        byte[] signature = Base64Fields.decode(s.signature(), "SIGNATURE_INVALID");
        CertificateAccepted accepted = certificateLogin.signature(s.flowToken(), certificate, intermediates, signature,
                Clients.of(request));
        return new Certified(accepted.holder(), accepted.creditCode(), accepted.taxpayerName(),
                accepted.serialNumber(), accepted.algorithm(), accepted.staff().stream().map(Staff::of)
                .toList());
    }

    @POST
    @Path("staff")
    @Operation(summary = "LOGIN-6 step 3: the tax staff identity to log in as (checked now: a frozen one is refused); "
            + "then the second factor of that person with sms-code / sms or qr")
    public LoginResource.Started staff(StaffStep step) {
        StaffStep s = require(step);
        PasswordAccepted accepted = certificateLogin.chooseStaff(s.flowToken(), s.grantId());
        return new LoginResource.Started(accepted.flowToken(), accepted.phoneMasked(), accepted.nameMasked(),
                accepted.smsAvailable());
    }

    private static <T> T require(T body) {
        if (body == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        return body;
    }
}
