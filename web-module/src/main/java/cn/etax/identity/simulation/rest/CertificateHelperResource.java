package cn.etax.identity.simulation.rest;

import cn.etax.identity.certificate.application.CertificateHolder;
import cn.etax.identity.certificate.rest.Base64Fields;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.simulation.application.CertificateHelperSimulator;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The simulated local certificate helper (LOGIN-6): what the user's PC would answer about the inserted keys.
 * 404 unless {@code identity.simulators.enabled=true}.
 */
@ApplicationScoped
@Path("sim/cert-helper")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "simulators", description = "Only with identity.simulators.enabled=true")
public class CertificateHelperResource {

    @EJB
    CertificateHelperSimulator helper;

    public record Certificate(String token, String alias, String holder, String creditCode, String issuer, String serialNumber,
                              String algorithm, String notBefore, String notAfter, String certificate) {
    }

    public record SignRequest(String alias, String pin, String data) {
    }

    public record Signature(String signature, String certificate) {
    }

    @Schema(name = "CertificateHelperPinChange")
    public record PinChange(String oldPin, String newPin) {
    }

    /**
     * A new key for a test or a demo; validity as ISO instants, PIN default 12345678; {@code trusted}: its test CA is
     * made a tax CA the platform trusts (so the key can log in, LOGIN-6), else the CA is unknown to the platform.
     */
    public record NewKey(String token, String holder, String creditCode, String algorithm, String notBefore, String notAfter,
                         String pin, Boolean trusted) {
    }

    public record IssuedKey(String token, String alias) {
    }

    @POST
    @Path("tokens")
    @Operation(summary = "Fixture: a new key (soft token) with an SM2 or RSA certificate for a taxpayer under a test CA")
    public IssuedKey issueKey(NewKey request) {
        if (request == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        java.time.Instant notBefore;
        java.time.Instant notAfter;
        try {
            notBefore = request.notBefore() == null ? java.time.Instant.now().minusSeconds(86_400)
                    : java.time.Instant.parse(request.notBefore());
            notAfter = request.notAfter() == null ? notBefore.plusSeconds(86_400L * 730) : java.time.Instant.parse(request.notAfter());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        String pin = request.pin() == null ? "12345678" : request.pin();
        String alias = helper.issueKey(request.token(), request.holder(), request.creditCode(), request.algorithm(), notBefore,
                notAfter, pin.toCharArray(), Boolean.TRUE.equals(request.trusted()));
        return new IssuedKey(request.token(), alias);
    }

    @GET
    @Path("certificates")
    @Operation(summary = "Certificates on the keys the helper sees (no PIN needed)")
    public List<Certificate> certificates() {
        return helper.certificates().stream().map(c -> {
            CertificateHolder h = c.holder();
            return new Certificate(c.token(), c.alias(), h.holder(), h.creditCode(), h.issuer(), h.serialNumber(), h.algorithm(),
                    h.notBefore().toString(), h.notAfter().toString(), Base64Fields.encode(c.certificate()));
        }).toList();
    }

    @POST
    @Path("tokens/{token}/sign")
    @Operation(summary = "Sign Base64 data with a key after its PIN (wrong PINs count toward the key's lock)")
    public Signature sign(@PathParam("token") String token, SignRequest request) {
        if (request == null || request.pin() == null) {
            throw new InvalidInputException("CERTIFICATE_PIN_REQUIRED");
        }
        CertificateHelperSimulator.Signed signed = helper.sign(token, request.alias(), request.pin().toCharArray(),
                Base64Fields.decode(request.data(), "SIGNATURE_INVALID"));
        return new Signature(Base64Fields.encode(signed.signature()), Base64Fields.encode(signed.certificate()));
    }

    @POST
    @Path("tokens/{token}/pin")
    @Operation(summary = "Change a key's PIN with the key inserted (a wrong old PIN counts toward the key's lock)")
    public void changePin(@PathParam("token") String token, PinChange request) {
        if (request == null || request.oldPin() == null || request.newPin() == null) {
            throw new InvalidInputException("CERTIFICATE_PIN_REQUIRED");
        }
        helper.changePin(token, request.oldPin().toCharArray(), request.newPin().toCharArray());
    }
}
