package cn.etax.identity.certificate.rest;

import cn.etax.identity.certificate.application.CertificateHolder;
import cn.etax.identity.certificate.application.CertificateService;
import cn.etax.identity.certificate.application.PlatformSigner;
import cn.etax.identity.shared.InvalidInputException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/v1/certificates/verify}: does this signature come from the key of a valid tax digital
 * certificate? Binary values are Base64 (DER certificates). The answer names the holder; every refusal has its own
 * code (CERTIFICATE_EXPIRED, CERTIFICATE_REVOKED, CERTIFICATE_UNTRUSTED, SIGNATURE_INVALID, ...).
 */
@ApplicationScoped
@Path("v1/certificates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "certificates", description = "Tax digital certificates (§9)")
public class CertificateResource {

    @EJB
    CertificateService certificates;

    @EJB
    PlatformSigner platform;

    /** The platform's signing certificate (DER, Base64) for downstream applications that verify its assertions. */
    public record PlatformKey(String algorithm, String certificate) {
    }

    @GET
    @Path("platform")
    @Operation(summary = "API-2: the certificate of the key that signs the platform's assertions (SM2, RSA or ECDSA)")
    public PlatformKey platformKey() {
        PlatformSigner.SigningKey key = platform.key();
        return new PlatformKey(key.algorithm(), Base64Fields.encode(key.certificate()));
    }

    /** {@code intermediates}: optional CA certificates between the signer's and a tax CA root. */
    public record Verification(String certificate, List<String> intermediates, String data, String signature) {
    }

    public record Verified(String holder, String creditCode, String issuer, String serialNumber, String algorithm,
                           String notBefore, String notAfter) {
    }

    @POST
    @Path("verify")
    @Operation(summary = "Verify a signature and its certificate: chain to the tax CA roots, validity, revocation")
    public Verified verify(Verification request) {
        if (request == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        List<byte[]> chain = new ArrayList<>();
        chain.add(Base64Fields.decode(request.certificate(), "CERTIFICATE_MALFORMED"));
        if (request.intermediates() != null) {
            for (String intermediate : request.intermediates()) {
                chain.add(Base64Fields.decode(intermediate, "CERTIFICATE_MALFORMED"));
            }
        }
        CertificateHolder holder = certificates.verifySignature(chain, Base64Fields.decode(request.data(), "SIGNATURE_INVALID"),
                Base64Fields.decode(request.signature(), "SIGNATURE_INVALID"));
        return new Verified(holder.holder(), holder.creditCode(), holder.issuer(), holder.serialNumber(), holder.algorithm(),
                holder.notBefore().toString(), holder.notAfter().toString());
    }
}
