package cn.etax.identity.simulation.application;

import cn.etax.identity.account.application.PersonDirectory;
import cn.etax.identity.account.domain.Person;
import cn.etax.identity.authentication.application.AppGatewayService;
import cn.etax.identity.authentication.application.PasswordHasher;
import cn.etax.identity.authentication.application.QrCheckService;
import cn.etax.identity.authentication.application.QrLoginService;
import cn.etax.identity.authentication.domain.QrLogin;
import cn.etax.identity.authentication.domain.QrScanner;
import cn.etax.identity.authentication.domain.QrState;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.IdDocument;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.MobileNumber;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.OutsideServices;
import cn.etax.identity.simulation.domain.SimulatedCitizen;
import cn.etax.identity.simulation.domain.SimulatedCoreTaxPush;
import cn.etax.identity.simulation.domain.SimulatedSms;
import cn.etax.identity.simulation.infrastructure.SimulatorSwitches;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What testers do with the simulators (§11): read the SMS outbox, add citizens to the identity registry, play the
 * mobile app (scan a QR, log in to the IIT app, pass or fail the face check), take an outside service down, move
 * the clock. Every method refuses to work unless the simulators are switched on.
 */
@Stateless
public class SimulatorService {

    private static final Pattern CODE = Pattern.compile("(\\d{6})");

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    OutsideServices services;

    @Inject
    SimulatorSwitches switches;

    @Inject
    BusinessClock clock;

    @Inject
    PasswordHasher hasher;

    @EJB
    QrCheckService qr;

    @EJB
    PersonDirectory directory;

    @EJB
    QrLoginService qrLogins;

    @EJB
    AppGatewayService gateway;

    public List<SimulatedSms> outbox(String phone, int max) {
        enabled();
        if (phone == null || phone.isBlank()) {
            return em.createNamedQuery(SimulatedSms.RECENT, SimulatedSms.class).setMaxResults(max).getResultList();
        }
        return em.createNamedQuery(SimulatedSms.BY_PHONE, SimulatedSms.class)
                .setParameter("phone", MobileNumber.parse(phone).value()).setMaxResults(max).getResultList();
    }

    /** The code in the newest message to {@code phone}. */
    public Optional<String> latestCode(String phone) {
        return outbox(phone, 1).stream().map(SimulatedSms::text).map(CODE::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst();
    }

    public void addCitizen(String name, IdType type, String number, String nationality) {
        enabled();
        IdDocument document = IdDocument.of(type, number);
        boolean known = !em.createNamedQuery(SimulatedCitizen.BY_DOCUMENT, SimulatedCitizen.class)
                .setParameter("type", type).setParameter("number", document.number()).getResultList().isEmpty();
        if (!known) {
            em.persist(new SimulatedCitizen(name.strip(), type, document.number(), nationality));
        }
    }

    public QrCheckService.Scan scan(String qrToken) {
        enabled();
        return qr.scan(qrToken);
    }

    /**
     * The app's verdict. For the IIT app the app user logs in first with document and password; for the tax app
     * no app login is needed.
     */
    public QrState decide(String qrToken, boolean faceMatches, IdType appUserType, String appUserNumber,
                          String appUserPassword) {
        enabled();
        if (switches.faceServiceDown()) {
            // REG-4: the live-person check times out; the QR stays scanned, nothing is decided or written
            throw new cn.etax.identity.shared.ServiceBusyException("FACE_SERVICE_BUSY");
        }
        String appUserDigest = null;
        if (appUserType != null && appUserNumber != null && !appUserNumber.isBlank()) {
            Person user = directory.byDocument(IdDocument.of(appUserType, appUserNumber)).filter(Person::active)
                    .orElseThrow(() -> new AuthenticationFailedException("USER_NOT_REGISTERED"));
            if (appUserPassword == null || !hasher.verify(appUserPassword, user.passwordHash())) {
                throw new AuthenticationFailedException("APP_LOGIN_FAILED");
            }
            appUserDigest = user.idDigest();
        }
        return qr.decide(qrToken, faceMatches, appUserDigest);
    }

    // ---- LOGIN-7: the apps as scanners of the login page's QR code

    /** Whether the token is a login page's QR code (扫码登录) rather than a face check's. */
    public boolean isLoginCode(String qrToken) {
        enabled();
        return qrLogins.peek(qrToken == null ? null : qrToken.strip()).isPresent();
    }

    /**
     * The app's own login, as the tax app, the IIT app or the electronic business licence app would have it before
     * scanning: the user's document and password; for enterprise business and for the licence app the enterprise's
     * credit code, and the identity there when he holds several (the licence app takes the legal representative's).
     * Answers the app session; the platform checks it at every step — an IIT app session naming an enterprise, or a
     * licence scanned by someone other than the legal representative, is refused there.
     */
    public QrLogin.AppSession appLogin(QrScanner scanner, IdType idType, String idNumber, String password,
                                       String creditCode, IdentityType identityType) {
        enabled();
        if (scanner == null) {
            throw new InvalidInputException("QR_SCANNER_REQUIRED");
        }
        if (idType == null || idNumber == null || idNumber.isBlank()) {
            throw new InvalidInputException("ID_NUMBER_REQUIRED");
        }
        Person user = directory.byDocument(IdDocument.of(idType, idNumber)).filter(Person::active)
                .orElseThrow(() -> new AuthenticationFailedException("USER_NOT_REGISTERED"));
        if (password == null || user.passwordHash() == null || !hasher.verify(password, user.passwordHash())) {
            throw new AuthenticationFailedException("APP_LOGIN_FAILED");
        }
        return gateway.session(scanner, user, creditCode, identityType);
    }

    public QrLoginService.Scan scanLogin(String qrToken, QrLogin.AppSession session) {
        enabled();
        return qrLogins.scan(qrToken == null ? null : qrToken.strip(), session);
    }

    public void confirmLogin(String qrToken, QrLogin.AppSession session, ClientContext app) {
        enabled();
        qrLogins.confirm(qrToken == null ? null : qrToken.strip(), session, app);
    }

    public void cancelLogin(String qrToken, QrLogin.AppSession session) {
        enabled();
        qrLogins.cancel(qrToken == null ? null : qrToken.strip(), session);
    }

    public void setSmsGatewayDown(boolean down) {
        enabled();
        switches.setSmsGatewayDown(down);
    }

    public void setFaceServiceDown(boolean down) {
        enabled();
        switches.setFaceServiceDown(down);
    }

    public void setCoreTaxSystemDown(boolean down) {
        enabled();
        switches.setCoreTaxSystemDown(down);
    }

    /** What the core tax system simulator received for a taxpayer (PER-4 同步数据), newest first. */
    public List<SimulatedCoreTaxPush> corePushes(String creditCode) {
        enabled();
        return em.createNamedQuery(SimulatedCoreTaxPush.BY_CREDIT_CODE, SimulatedCoreTaxPush.class)
                .setParameter("code", creditCode == null ? "" : creditCode.strip().toUpperCase(Locale.ROOT))
                .setMaxResults(100).getResultList();
    }

    public void setRegistryDown(boolean down) {
        enabled();
        switches.setRegistryDown(down);
    }

    public Duration shiftClock(Duration by) {
        enabled();
        if (by.isNegative()) {
            clock.resetShift();
        } else {
            clock.shift(by);
        }
        return clock.shifted();
    }

    private void enabled() {
        if (!services.simulatorsEnabled()) {
            throw new NotFoundException("NOT_FOUND");
        }
    }
}
