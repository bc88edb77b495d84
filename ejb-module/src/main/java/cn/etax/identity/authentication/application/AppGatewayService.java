package cn.etax.identity.authentication.application;

import cn.etax.identity.account.application.PersonDirectory;
import cn.etax.identity.account.domain.Person;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.domain.QrLogin;
import cn.etax.identity.authentication.domain.QrScanner;
import cn.etax.identity.authentication.domain.QrState;
import cn.etax.identity.grant.application.EnterpriseIdentityService;
import cn.etax.identity.grant.application.IdentityOption;
import cn.etax.identity.grant.application.IdentityResolution;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.CreditCode;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.IdDocument;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.SharedSecret;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * §11 the tax app, the IIT app and the electronic business licence app in production: their back ends report to the
 * platform what happened on the phone — a QR code scanned, the live-face check's verdict (face verification is the
 * app's, the IIT app's user logged in there), a login page's code confirmed by the app's user (LOGIN-7). The calls
 * carry the shared secret {@code identity.apps.token}; without one configured the gateway is absent (404). The
 * simulator's mobile-app page drives the same QR services, and its app login ends in {@link #session} as well.
 */
@Stateless
public class AppGatewayService {

    @EJB
    QrCheckService qr;

    @EJB
    QrLoginService qrLogins;

    @EJB
    PersonDirectory directory;

    @EJB
    EnterpriseIdentityService identities;

    @EJB
    AuditService audit;

    @Inject
    @ConfigProperty(name = "identity.apps.token")
    Optional<String> configuredToken;

    /** The person the app's back end authenticated, and for enterprise business the enterprise and identity. */
    public record AppUser(QrScanner scanner, IdType idType, String idNumber, String creditCode,
                          IdentityType identityType) implements java.io.Serializable {
    }

    /** A face check's QR code scanned in the app: what it is for and whose it is (masked), for the app to show. */
    public QrCheckService.Scan scanFaceCheck(String token, String qrToken, ClientContext client) {
        authenticate(token, client);
        return qr.scan(qrToken);
    }

    /**
     * The app's verdict on the live-face check. {@code appUser} is the app's logged-in user (the IIT app requires
     * one, the tax app none): the check then also requires him to be the person the check is for.
     */
    public QrState decideFaceCheck(String token, String qrToken, Boolean faceMatches, IdType appUserType,
                                   String appUserNumber, ClientContext client) {
        authenticate(token, client);
        if (faceMatches == null) {
            throw new InvalidInputException("FACE_VERDICT_REQUIRED");
        }
        String appUserDigest = appUserType == null || appUserNumber == null || appUserNumber.isBlank() ? null
                : registered(appUserType, appUserNumber).idDigest();
        return qr.decide(qrToken, faceMatches, appUserDigest);
    }

    /** LOGIN-7: a login page's code scanned by the app's user. */
    public QrLoginService.Scan scanLogin(String token, String qrToken, AppUser user, ClientContext client) {
        authenticate(token, client);
        return qrLogins.scan(strip(qrToken), session(user));
    }

    /** LOGIN-7: the app's user confirmed the login on the phone; the page's session is his. */
    public void confirmLogin(String token, String qrToken, AppUser user, ClientContext client) {
        authenticate(token, client);
        qrLogins.confirm(strip(qrToken), session(user), client);
    }

    public void cancelLogin(String token, String qrToken, AppUser user, ClientContext client) {
        authenticate(token, client);
        qrLogins.cancel(strip(qrToken), session(user));
    }

    private QrLogin.AppSession session(AppUser user) {
        if (user == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        if (user.idType() == null || user.idNumber() == null || user.idNumber().isBlank()) {
            throw new InvalidInputException("ID_NUMBER_REQUIRED");
        }
        return session(user.scanner(), registered(user.idType(), user.idNumber()), user.creditCode(),
                user.identityType());
    }

    /**
     * The app session of a person the app authenticated: for enterprise business (a credit code, or always for the
     * licence app) his one identity there — the one named when he holds several, the legal representative's for the
     * licence app — else {@code ENTERPRISE_RELATION_NOT_FOUND} / {@code APP_IDENTITY_TYPE_REQUIRED}.
     */
    public QrLogin.AppSession session(QrScanner scanner, Person user, String creditCode, IdentityType identityType) {
        if (scanner == null) {
            throw new InvalidInputException("QR_SCANNER_REQUIRED");
        }
        boolean enterprise = scanner == QrScanner.LICENCE_APP || (creditCode != null && !creditCode.isBlank());
        if (!enterprise) {
            return new QrLogin.AppSession(scanner, user.id(), null, null);
        }
        if (scanner == QrScanner.IIT_APP) {
            // personal business only, whatever identities he holds there: said before any choice of identity
            throw new ForbiddenException("QR_IIT_APP_PERSONAL_ONLY");
        }
        long taxpayerId = identities.taxpayerId(CreditCode.of(creditCode));
        IdentityResolution resolution = identities.resolve(user.id(), taxpayerId);
        List<IdentityOption> options = resolution.identity() != null
                ? List.of(new IdentityOption(resolution.identity().grantId(), resolution.identity().identityType(),
                        resolution.identity().permissions(), GrantState.ACTIVE))
                : resolution.outcome() == IdentityResolution.Outcome.CONFIRM || resolution.options() == null ? List.of()
                : resolution.options();
        IdentityType wanted = identityType;
        if (wanted == null && scanner == QrScanner.LICENCE_APP && options.stream()
                .anyMatch(o -> o.identityType() == IdentityType.LEGAL_REPRESENTATIVE)) {
            wanted = IdentityType.LEGAL_REPRESENTATIVE; // the licence is the legal representative's
        }
        IdentityType type = wanted;
        List<IdentityOption> matching = options.stream().filter(o -> type == null || o.identityType() == type)
                .toList();
        if (matching.isEmpty()) {
            throw new AuthenticationFailedException("ENTERPRISE_RELATION_NOT_FOUND");
        }
        if (matching.size() > 1) {
            throw new InvalidInputException("APP_IDENTITY_TYPE_REQUIRED");
        }
        return new QrLogin.AppSession(scanner, user.id(), taxpayerId, matching.get(0).grantId());
    }

    private Person registered(IdType type, String number) {
        return directory.byDocument(IdDocument.of(type, number)).filter(Person::active)
                .orElseThrow(() -> new AuthenticationFailedException("USER_NOT_REGISTERED"));
    }

    private static String strip(String qrToken) {
        return qrToken == null ? null : qrToken.strip();
    }

    /** Absent (404) without a configured secret; otherwise the header must match. */
    private void authenticate(String presented, ClientContext client) {
        String expected = configuredToken.map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (expected == null) {
            throw new NotFoundException("NOT_FOUND");
        }
        if (!SharedSecret.matches(presented, expected)) {
            audit.recordSeparately(null, "APP_GATEWAY_REFUSED", "apps", presented == null ? "no token"
                    : "wrong token", client);
            throw new ForbiddenException("APP_TOKEN_INVALID");
        }
    }
}
