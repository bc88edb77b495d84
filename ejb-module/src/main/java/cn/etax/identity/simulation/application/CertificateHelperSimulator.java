package cn.etax.identity.simulation.application;

import cn.etax.identity.certificate.application.CertificateHolder;
import cn.etax.identity.certificate.application.CertificateService;
import cn.etax.identity.certificate.application.Certificates;
import cn.etax.identity.connector.api.TokenCertificate;
import cn.etax.identity.connector.api.TokenConnection;
import cn.etax.identity.connector.api.TokenConnectionFactory;
import cn.etax.identity.connector.api.TokenException;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.application.OutsideServices;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The local certificate helper (证书助手) that in production runs on the taxpayer's PC next to the UKey: lists the
 * keys' certificates and signs a challenge after the PIN. Here the "inserted keys" are the connector's tokens (the
 * demo tax CA's soft tokens, or a SoftHSM2 token), reached through the same connector — so the PIN retry lock is the
 * token's own, as with a real key. Simulators only.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CertificateHelperSimulator {

    @Resource(lookup = CertificateService.TOKENS)
    TokenConnectionFactory tokens;

    @Inject
    OutsideServices services;

    /** The platform's own signing token sits in the platform's hardware, never in a taxpayer's PC: not listed. */
    @Inject
    @ConfigProperty(name = "identity.platform.signing.token")
    Optional<String> platformToken;

    public record HelperCertificate(String token, String alias, byte[] certificate, CertificateHolder holder) implements Serializable {
    }

    public record Signed(byte[] signature, byte[] certificate) implements Serializable {
    }

    public List<HelperCertificate> certificates() {
        requireSimulators();
        List<HelperCertificate> certificates = new ArrayList<>();
        try (TokenConnection any = tokens.getConnection()) {
            for (String token : any.tokens()) {
                if (platformToken.filter(token::equals).isPresent()) {
                    continue;
                }
                try (TokenConnection connection = tokens.getConnection(token)) {
                    for (TokenCertificate certificate : connection.certificates()) {
                        certificates.add(new HelperCertificate(token, certificate.alias(), certificate.certificate().encoded(),
                                Certificates.holder(certificate.certificate())));
                    }
                }
            }
            return certificates;
        } catch (TokenException e) {
            throw Certificates.refusal(e);
        }
    }

    /** Signs {@code data} with the key under {@code alias} on {@code token}, as the UKey would after the PIN. */
    public Signed sign(String token, String alias, char[] pin, byte[] data) {
        requireSimulators();
        if (pin == null || pin.length == 0) {
            throw new InvalidInputException("CERTIFICATE_PIN_REQUIRED");
        }
        if (data == null || data.length == 0) {
            throw new InvalidInputException("SIGNATURE_INVALID");
        }
        try (TokenConnection connection = tokens.getConnection(token)) {
            byte[] certificate = connection.certificates().stream().filter(c -> c.alias().equals(alias)).findFirst()
                    .orElseThrow(() -> new NotFoundException("CERTIFICATE_TOKEN_NOT_FOUND")).certificate().encoded();
            connection.login(pin);
            return new Signed(connection.sign(alias, data), certificate);
        } catch (TokenException e) {
            throw Certificates.refusal(e);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /** Changes a key's PIN as the helper does with the key inserted (ENT-7); a wrong old PIN counts toward the lock. */
    public void changePin(String token, char[] oldPin, char[] newPin) {
        requireSimulators();
        try {
            if (oldPin == null || oldPin.length == 0 || newPin == null || newPin.length == 0) {
                throw new InvalidInputException("CERTIFICATE_PIN_REQUIRED");
            }
            try (TokenConnection connection = tokens.getConnection(token)) {
                connection.changePin(oldPin, newPin);
            } catch (TokenException e) {
                throw Certificates.refusal(e);
            }
        } finally {
            if (oldPin != null) {
                Arrays.fill(oldPin, '\0');
            }
            if (newPin != null) {
                Arrays.fill(newPin, '\0');
            }
        }
    }

    /**
     * Test and demo fixture: a new key named {@code token} with an SM2 or RSA certificate for the taxpayer
     * {@code creditCode}, valid from {@code notBefore} to {@code notAfter}, PIN {@code pin}, under a test CA that the
     * platform trusts as a tax CA when {@code trusted} (see {@link SimulatedKeyIssuer}).
     *
     * @return the alias of the key on the new token
     */
    public String issueKey(String token, String holder, String creditCode, String algorithm, Instant notBefore,
                           Instant notAfter, char[] pin, boolean trusted) {
        requireSimulators();
        try {
            if (token == null || !token.matches("[A-Za-z0-9_-]{1,40}") || holder == null || holder.isBlank()
                    || creditCode == null || creditCode.isBlank() || !("SM2".equals(algorithm) || "RSA".equals(algorithm))
                    || notBefore == null || notAfter == null || !notBefore.isBefore(notAfter) || pin == null || pin.length == 0) {
                throw new InvalidInputException("REQUEST_BODY_REQUIRED");
            }
            Path directory = SimulatedKeyIssuer.tokenDirectory();
            if (Files.exists(directory.resolve(token))) {
                throw new ConflictException("CERTIFICATE_TOKEN_EXISTS");
            }
            return SimulatedKeyIssuer.issue(directory, token, holder, creditCode, algorithm, notBefore, notAfter, pin,
                    trusted);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue a simulated key", e);
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
    }

    private void requireSimulators() {
        if (!services.simulatorsEnabled()) {
            throw new NotFoundException("NOT_FOUND");
        }
    }
}
