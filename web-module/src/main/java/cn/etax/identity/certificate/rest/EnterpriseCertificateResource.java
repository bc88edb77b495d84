package cn.etax.identity.certificate.rest;

import cn.etax.identity.certificate.application.EnterpriseCertificate;
import cn.etax.identity.certificate.application.EnterpriseCertificateService;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.web.rest.Clients;
import cn.etax.identity.web.security.CurrentEnterprise;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * ENT-7 税务数字证书 over REST (API-1) for the taxpayer of the session's current identity: the certificates on the keys
 * the certificate helper sees, only this taxpayer's, and the PIN change with the key present.
 */
@ApplicationScoped
@Path("v1/me/enterprise/certificates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "enterprise account center", description = "Current enterprise identity's account center")
public class EnterpriseCertificateResource {

    @EJB
    EnterpriseCertificateService certificates;

    @Inject
    CurrentEnterprise current;

    @Context
    HttpServletRequest request;

    public record Listing(int warningDays, List<EnterpriseCertificate> certificates) {
    }

    @Schema(name = "EnterpriseCertificatePinChange")
    public record PinChange(String oldPin, String newPin, String confirmPin) {
    }

    @GET
    @Operation(summary = "ENT-7: this taxpayer's SM2 and RSA certificates on the inserted keys (holder, issuer, serial, "
            + "algorithm, validity; state VALID, EXPIRING within warningDays, EXPIRED, NOT_YET_VALID)")
    public Listing list() {
        return new Listing(certificates.warningDays(), certificates.certificates(current.require(), Clients.of(request)));
    }

    @POST
    @Path("{token}/pin")
    @Operation(summary = "ENT-7 修改证书密码 with the key present: old PIN, new PIN twice (8-16 digits or letters, not one "
            + "repeated character nor consecutive digits); a wrong old PIN counts toward the key's lock; audited")
    public void changePin(@PathParam("token") String token, PinChange body) {
        if (body == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        certificates.changePin(current.require(), token, chars(body.oldPin()), chars(body.newPin()), chars(body.confirmPin()),
                Clients.of(request));
    }

    private static char[] chars(String s) {
        return s == null ? null : s.toCharArray();
    }
}
