package cn.etax.identity.authentication.rest;

import cn.etax.identity.authentication.application.AppGatewayService.AppUser;
import cn.etax.identity.authentication.application.AppGatewayService;
import cn.etax.identity.authentication.application.QrCheckService;
import cn.etax.identity.authentication.application.QrLoginService;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.web.rest.Clients;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * §11 production adapter point of the tax app, the IIT app and the electronic business licence app: their back ends
 * report scans, live-face verdicts and confirmed QR logins, with the shared secret in {@code X-App-Token}; without
 * {@code identity.apps.token} configured the endpoints answer 404. The simulator's mobile-app page is the same flow.
 */
@ApplicationScoped
@Path("v1/apps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "apps", description = "The tax apps' back ends (§11, LOGIN-7, RULE-2FA): scans, face verdicts, QR logins")
public class AppGatewayResource {

    static final String TOKEN_HEADER = "X-App-Token";

    @EJB
    AppGatewayService gateway;

    @Context
    HttpServletRequest request;

    /** The app's verdict; {@code appUserIdType}/{@code appUserIdNumber}: the IIT app's logged-in user. */
    @Schema(name = "AppFaceVerdict")
    public record FaceVerdict(Boolean faceMatches, IdType appUserIdType, String appUserIdNumber) {
    }

    /** Result of a verdict: the face check's state (CONFIRMED or FAILED). */
    @Schema(name = "AppFaceCheckState")
    public record FaceCheckState(String state) {
    }

    @POST
    @Path("face-checks/{qrToken}/scan")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A face check's QR code scanned in the app: its purpose and the person (masked) to show; "
            + "QR_EXPIRED, QR_UNKNOWN")
    public QrCheckService.Scan scanFaceCheck(@HeaderParam(TOKEN_HEADER) String token,
                                             @PathParam("qrToken") String qrToken) {
        return gateway.scanFaceCheck(token, qrToken, Clients.of(request));
    }

    @POST
    @Path("face-checks/{qrToken}/decision")
    @Operation(summary = "The live-face verdict of the app (faceMatches); for the IIT app its logged-in user, who must "
            + "be the person checked")
    public FaceCheckState decideFaceCheck(@HeaderParam(TOKEN_HEADER) String token,
                                          @PathParam("qrToken") String qrToken, FaceVerdict body) {
        FaceVerdict b = body == null ? new FaceVerdict(null, null, null) : body;
        return new FaceCheckState(gateway.decideFaceCheck(token, qrToken, b.faceMatches(), b.appUserIdType(),
                b.appUserIdNumber(), Clients.of(request)).name());
    }

    @POST
    @Path("qr-logins/{qrToken}/scan")
    @Operation(summary = "LOGIN-7: a login page's code scanned by the app's user (scanner TAX_APP, IIT_APP or "
            + "LICENCE_APP; idType, idNumber; creditCode and identityType for enterprise business)")
    public QrLoginService.Scan scanLogin(@HeaderParam(TOKEN_HEADER) String token,
                                         @PathParam("qrToken") String qrToken, AppUser user) {
        return gateway.scanLogin(token, qrToken, user, Clients.of(request));
    }

    @POST
    @Path("qr-logins/{qrToken}/confirm")
    @Operation(summary = "LOGIN-7: the app's user confirmed the login; the page that shows the code is logged in as him")
    public void confirmLogin(@HeaderParam(TOKEN_HEADER) String token, @PathParam("qrToken") String qrToken,
                             AppUser user) {
        gateway.confirmLogin(token, qrToken, user, Clients.of(request));
    }

    @POST
    @Path("qr-logins/{qrToken}/cancel")
    @Operation(summary = "LOGIN-7: the app's user cancelled on the phone")
    public void cancelLogin(@HeaderParam(TOKEN_HEADER) String token, @PathParam("qrToken") String qrToken,
                            AppUser user) {
        gateway.cancelLogin(token, qrToken, user, Clients.of(request));
    }
}
