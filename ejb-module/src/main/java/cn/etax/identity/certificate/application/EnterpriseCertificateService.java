package cn.etax.identity.certificate.application;

import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.grant.application.ActingIdentity;
import cn.etax.identity.grant.application.EnterpriseIdentity;
import cn.etax.identity.grant.application.GrantAuthority;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.Caller;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.OutsideServices;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * ENT-7 税务数字证书 in the enterprise account center: the certificates the certificate helper reads from the keys on
 * the user's machine, only those issued to the taxpayer of the session's current identity (a certificate of another
 * taxpayer is neither shown nor acted on), with a warning before one expires; and the PIN change with the key present.
 *
 * <p>Who: the seeds let every tax staff member of the enterprise (办税人员 — legal representative, finance officer,
 * tax officer, invoicer) see the certificates and change their PIN ("办税人员登录成功后…点击【修改证书密码】"); holding
 * the key and its old PIN is the proof. The identity is checked against the person's own grant at every call
 * ({@link GrantAuthority#acting}), so a frozen or deleted identity acts no more. Every PIN change, and every refused
 * one, is audited — never with a PIN.
 */
@Stateless
@RolesAllowed(Caller.PERSON)
public class EnterpriseCertificateService {

    @Resource
    SessionContext context;

    @EJB
    GrantAuthority authority;

    @EJB
    AuditService audit;

    @Inject
    BusinessClock clock;

    @Inject
    OutsideServices services;

    @Inject
    @ConfigProperty(name = "identity.certificates.expiry-warning-days", defaultValue = "30")
    int warningDays;

    /** The current taxpayer's certificates on the inserted keys: SM2 (国密) first, then by key and expiry. */
    public List<EnterpriseCertificate> certificates(EnterpriseIdentity current, ClientContext client) {
        ActingIdentity acting = acting(current, client);
        Instant now = clock.now();
        LocalDate today = clock.today();
        return ownCertificates(acting).stream().map(c -> view(c, now, today))
                .sorted(Comparator.comparing((EnterpriseCertificate c) -> !c.nationalAlgorithm())
                        .thenComparing(EnterpriseCertificate::token).thenComparing(EnterpriseCertificate::alias))
                .toList();
    }

    /** Days before the end of validity from which a certificate is shown as expiring. */
    public int warningDays() {
        return warningDays;
    }

    /**
     * Changes the PIN of the key {@code token}, which must carry a certificate of the current taxpayer
     * ({@code CERTIFICATE_NOT_FOUND} otherwise — the same answer for a foreign key and a key not inserted). The form
     * is checked first ({@link CertificatePinPolicy}); the old PIN by the key, whose adapter counts wrong ones and
     * locks it after the configured number.
     */
    public void changePin(EnterpriseIdentity current, String token, char[] oldPin, char[] newPin, char[] confirmation,
                          ClientContext client) {
        try {
            ActingIdentity acting = acting(current, client);
            String target = "taxpayer:" + acting.creditCode() + " token:" + shorten(token);
            try {
                CertificatePinPolicy.check(oldPin, newPin, confirmation);
                CertificateHelper.KeyCertificate key = ownCertificates(acting).stream()
                        .filter(c -> Objects.equals(c.token(), token)).findFirst()
                        .orElseThrow(() -> new NotFoundException("CERTIFICATE_NOT_FOUND"));
                helper().changePin(token, oldPin.clone(), newPin.clone());
                audit.record(acting.personId(), "CERTIFICATE_PIN_CHANGED", target,
                        "serial " + key.holder().serialNumber() + " " + key.holder().algorithm(), client);
            } catch (DomainException e) {
                audit.recordSeparately(acting.personId(), "CERTIFICATE_PIN_CHANGE_REFUSED", target, e.code(), client);
                throw e;
            }
        } finally {
            wipe(oldPin);
            wipe(newPin);
            wipe(confirmation);
        }
    }

    // ----

    private ActingIdentity acting(EnterpriseIdentity current, ClientContext client) {
        return authority.acting(Caller.personId(context), current, client);
    }

    private List<CertificateHelper.KeyCertificate> ownCertificates(ActingIdentity acting) {
        return helper().certificates().stream()
                .filter(c -> c.holder() != null && acting.creditCode().equalsIgnoreCase(nullToEmpty(c.holder().creditCode())))
                .toList();
    }

    private CertificateHelper helper() {
        return services.certificateHelper();
    }

    private EnterpriseCertificate view(CertificateHelper.KeyCertificate c, Instant now, LocalDate today) {
        CertificateHolder h = c.holder();
        long daysLeft = ChronoUnit.DAYS.between(today, h.notAfter().atZone(clock.zone()).toLocalDate());
        EnterpriseCertificate.State state;
        if (!now.isBefore(h.notAfter())) {
            state = EnterpriseCertificate.State.EXPIRED;
        } else if (now.isBefore(h.notBefore())) {
            state = EnterpriseCertificate.State.NOT_YET_VALID;
        } else if (daysLeft <= warningDays) {
            state = EnterpriseCertificate.State.EXPIRING;
        } else {
            state = EnterpriseCertificate.State.VALID;
        }
        return new EnterpriseCertificate(c.token(), c.alias(), h.holder(), h.creditCode(), h.issuer(), h.serialNumber(),
                h.algorithm(), "SM2".equals(h.algorithm()), h.notBefore(), h.notAfter(), state, Math.max(0, daysLeft));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String shorten(String token) {
        String t = token == null ? "" : token;
        return t.length() > 60 ? t.substring(0, 60) : t;
    }

    private static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
