package cn.etax.identity.authentication.application;

import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.domain.FlowKind;
import cn.etax.identity.certificate.application.CertificateHelper;
import cn.etax.identity.certificate.application.CertificateHolder;
import cn.etax.identity.certificate.application.CertificateService;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.OutsideServices;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The certificate login (LOGIN-6, 数字证书登录): the platform issues a one-time challenge; the certificate helper next
 * to the user's key signs it after the PIN (the PIN never reaches the platform); the platform verifies the signature,
 * the chain to the tax CA roots, validity and revocation through the certificate connector and maps the certificate
 * to its registered taxpayer; the user chooses the tax staff identity ("选择办税人员"); then that person's second
 * factor (RULE-2FA: SMS code or QR face check, the steps of {@link LoginService}) and the login as that identity.
 *
 * <p>Each challenge serves one signature check: it is taken from the flow in a transaction of its own before the
 * signature is looked at, so a replayed or a second forged signature finds it gone. A refused certificate is audited
 * with the reason, never with the signature or the PIN.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CertificateLoginService {

    @EJB
    AddressThrottle throttle;

    @EJB
    CertificateLoginSteps steps;

    @EJB
    CertificateService certificates;

    @EJB
    AuditService audit;

    @Inject
    OutsideServices services;

    /** Step 1: a new certificate-login flow and the challenge its key must sign. Throttled per address (RULE-LOCK). */
    public CertificateChallenge challenge(ClientContext client) {
        return challenge(false, client);
    }

    /**
     * Step 1 at the enterprise entry (LOGIN-6) or, with {@code agentEntry}, at the agent entry (LOGIN-3's certificate
     * variant: the key must be a tax-agent institution's, NOT_TAX_AGENT_INSTITUTION otherwise, and the login ends with
     * the client the agent enters).
     */
    public CertificateChallenge challenge(boolean agentEntry, ClientContext client) {
        throttle.attempt(client);
        return steps.challenge(agentEntry ? FlowKind.AGENT_CERTIFICATE : FlowKind.CERTIFICATE_LOGIN, client);
    }

    /**
     * Step 2: the key's signature over the flow's challenge, with its certificate (DER) and any intermediate CA
     * certificates. Refusals: CERTIFICATE_CHALLENGE_USED / _EXPIRED, CERTIFICATE_MALFORMED, CERTIFICATE_UNTRUSTED,
     * CERTIFICATE_EXPIRED, CERTIFICATE_NOT_YET_VALID, CERTIFICATE_REVOKED, CERTIFICATE_NOT_FOR_SIGNING,
     * SIGNATURE_INVALID, CERTIFICATE_TAXPAYER_NOT_FOUND.
     */
    public CertificateAccepted signature(String flowToken, byte[] certificate, List<byte[]> intermediates,
                                         byte[] signature, ClientContext client) {
        if (certificate == null || certificate.length == 0) {
            throw new InvalidInputException("CERTIFICATE_MALFORMED");
        }
        String digest = sha256(certificate);
        List<byte[]> chain = new ArrayList<>();
        chain.add(certificate);
        if (intermediates != null) {
            intermediates.stream().filter(c -> c != null && c.length > 0).forEach(chain::add);
        }
        try {
            byte[] challenge = steps.takeChallenge(flowToken);
            CertificateHolder holder = certificates.verifySignature(chain, challenge, signature);
            return steps.certified(flowToken, holder, digest, client);
        } catch (DomainException e) {
            audit.recordSeparately(null, "CERTIFICATE_LOGIN_REFUSED", "certificate:" + digest.substring(0, 16),
                    e.code(), client);
            throw e;
        }
    }

    /** The certificates on the keys inserted at the user's machine, as the certificate helper reads them. */
    public List<CertificateHelper.KeyCertificate> insertedCertificates() {
        return services.certificateHelper().certificates();
    }

    /**
     * Steps 1 and 2 for a page: a challenge, signed by the key under {@code alias} on {@code token} through the
     * certificate helper after the user's PIN (wrong PIN: CERTIFICATE_PIN_INCORRECT with the attempts left, then
     * CERTIFICATE_LOCKED, counted by the key), then verified as {@link #signature} does. The PIN is wiped.
     */
    public CertificateAccepted signWithKey(String token, String alias, char[] pin, ClientContext client) {
        return signWithKey(token, alias, pin, false, client);
    }

    /** {@link #signWithKey(String, String, char[], ClientContext)} at the enterprise or the agent entry. */
    public CertificateAccepted signWithKey(String token, String alias, char[] pin, boolean agentEntry,
                                           ClientContext client) {
        try {
            // the certificate first: without one chosen, asking for its PIN would say the wrong thing
            if (token == null || alias == null) {
                throw new InvalidInputException("CERTIFICATE_REQUIRED");
            }
            if (pin == null || pin.length == 0) {
                throw new InvalidInputException("CERTIFICATE_PIN_REQUIRED");
            }
            CertificateHelper helper = services.certificateHelper();
            CertificateChallenge challenge = challenge(agentEntry, client);
            CertificateHelper.Signed signed = helper.sign(token, alias, pin, challenge.data());
            return signature(challenge.flowToken(), signed.certificate(), List.of(), signed.signature(), client);
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
    }

    /** Step 3: the tax staff identity to log in as; answers where the second factor goes (masked phone and name). */
    public PasswordAccepted chooseStaff(String flowToken, Long grantId) {
        if (grantId == null) {
            throw new InvalidInputException("GRANT_ID_REQUIRED");
        }
        return steps.chooseStaff(flowToken, grantId);
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
