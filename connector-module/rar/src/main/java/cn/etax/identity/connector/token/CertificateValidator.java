package cn.etax.identity.connector.token;

import cn.etax.identity.connector.api.CertificateInfo;
import cn.etax.identity.connector.api.CertificateRejectedException;
import cn.etax.identity.connector.api.CertificateRejectedException.Reason;
import cn.etax.identity.connector.api.TokenException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXCertPathChecker;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Validates a certificate chain against the configured tax CA roots with Bouncy Castle's PKIX (the JDK's cannot
 * read SM2 certificates): validity at the given instant, signatures up to a root, key usage for signing and
 * revocation. Revocation uses the CRLs in the CRL directory (every CA then needs a current one) and, when
 * configured, an extra {@link PKIXCertPathChecker} such as an OCSP client; with neither, every certificate is refused
 * as REVOCATION_UNKNOWN rather than accepted unchecked. Roots and CRLs are re-read when their
 * directories change, so a new CRL takes effect without a restart.
 */
public final class CertificateValidator {

    private final Path rootDirectory;
    private final Path crlDirectory;
    private final Supplier<PKIXCertPathChecker> extraChecker;
    private volatile Snapshot snapshot;

    public CertificateValidator(Path rootDirectory, Path crlDirectory, Supplier<PKIXCertPathChecker> extraChecker) {
        this.rootDirectory = rootDirectory;
        this.crlDirectory = crlDirectory;
        this.extraChecker = extraChecker;
    }

    private record Snapshot(long stamp, Set<TrustAnchor> anchors, List<X509CRL> crls) {
    }

    public CertificateInfo validate(List<byte[]> chainDer, Instant at) throws TokenException {
        if (chainDer.isEmpty()) {
            throw new CertificateRejectedException(Reason.MALFORMED, "empty chain");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (byte[] der : chainDer) {
            chain.add(Crypto.parse(der));
        }
        X509Certificate endEntity = chain.get(0);
        Date when = Date.from(at);
        for (X509Certificate certificate : chain) {
            try {
                certificate.checkValidity(when);
            } catch (CertificateExpiredException e) {
                throw new CertificateRejectedException(Reason.EXPIRED, certificate.getSubjectX500Principal().getName());
            } catch (CertificateNotYetValidException e) {
                throw new CertificateRejectedException(Reason.NOT_YET_VALID, certificate.getSubjectX500Principal().getName());
            }
        }
        boolean[] usage = endEntity.getKeyUsage();
        if (usage != null && !usage[0] && !usage[1]) {
            throw new CertificateRejectedException(Reason.NOT_FOR_SIGNING, endEntity.getSubjectX500Principal().getName());
        }
        Snapshot current = current();
        if (current.anchors().isEmpty()) {
            throw new CertificateRejectedException(Reason.UNTRUSTED, "no tax CA root is configured");
        }
        // the roots themselves are anchors, not part of the path
        List<X509Certificate> path = new ArrayList<>(chain);
        path.removeIf(c -> current.anchors().stream().anyMatch(a -> a.getTrustedCert().equals(c)));
        if (path.isEmpty()) {
            throw new CertificateRejectedException(Reason.UNTRUSTED, "a CA root is not a taxpayer certificate");
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509", Crypto.bc());
            CertPath certPath = factory.generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(current.anchors());
            // CRLs say nothing about the future (PKIX refuses a later date): with a business clock ahead of the real
            // one (the simulators' clock) the path and its revocation are checked as of now, the validity above at `at`
            Instant now = Instant.now();
            parameters.setDate(Date.from(at.isAfter(now) ? now : at));
            PKIXCertPathChecker checker = extraChecker.get();
            if (current.crls().isEmpty() && checker == null) {
                // fail closed: without a CRL and without an OCSP client nothing says the certificate is not revoked
                throw new CertificateRejectedException(Reason.REVOCATION_UNKNOWN,
                        "no CRL in " + crlDirectory + " and no revocation checker configured");
            }
            parameters.setRevocationEnabled(!current.crls().isEmpty());
            if (!current.crls().isEmpty()) {
                parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(current.crls()), Crypto.bc()));
            }
            if (checker != null) {
                parameters.addCertPathChecker(checker);
            }
            CertPathValidator.getInstance("PKIX", Crypto.bc()).validate(certPath, parameters);
            revokedCheck(endEntity, current.crls(), when);
            return Crypto.describe(endEntity);
        } catch (CertPathValidatorException e) {
            throw new CertificateRejectedException(reasonOf(e), String.valueOf(e.getMessage()));
        } catch (InvalidAlgorithmParameterException e) {
            throw new CertificateRejectedException(Reason.UNTRUSTED, String.valueOf(e.getMessage()));
        } catch (GeneralSecurityException e) {
            throw new TokenException("cannot validate the certificate chain", e);
        }
    }

    /** Belt and braces: an end-entity certificate listed on a CRL of its issuer is revoked, whatever PKIX said. */
    private static void revokedCheck(X509Certificate endEntity, List<X509CRL> crls, Date when) throws CertificateRejectedException {
        for (X509CRL crl : crls) {
            if (crl.getIssuerX500Principal().equals(endEntity.getIssuerX500Principal())) {
                var entry = crl.getRevokedCertificate(endEntity.getSerialNumber());
                if (entry != null && !entry.getRevocationDate().after(when)) {
                    throw new CertificateRejectedException(Reason.REVOKED, endEntity.getSerialNumber().toString(16));
                }
            }
        }
    }

    private static Reason reasonOf(CertPathValidatorException e) {
        if (e.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
            return Reason.REVOKED;
        }
        if (e.getReason() == CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS) {
            return Reason.REVOCATION_UNKNOWN;
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT)
                + " " + (e.getCause() == null ? "" : String.valueOf(e.getCause().getMessage()).toLowerCase(Locale.ROOT));
        if (message.contains("revoked")) {
            return Reason.REVOKED;
        }
        if (message.contains("crl") || message.contains("revocation") || message.contains("ocsp")) {
            return Reason.REVOCATION_UNKNOWN;
        }
        return Reason.UNTRUSTED;
    }

    private Snapshot current() throws TokenException {
        long stamp = stamp(rootDirectory) * 31 + stamp(crlDirectory);
        Snapshot known = snapshot;
        if (known != null && known.stamp() == stamp) {
            return known;
        }
        Set<TrustAnchor> anchors = new HashSet<>();
        for (Object root : read(rootDirectory, false)) {
            anchors.add(new TrustAnchor((X509Certificate) root, null));
        }
        List<X509CRL> crls = new ArrayList<>();
        for (Object crl : read(crlDirectory, true)) {
            crls.add((X509CRL) crl);
        }
        Snapshot fresh = new Snapshot(stamp, Set.copyOf(anchors), List.copyOf(crls));
        snapshot = fresh;
        return fresh;
    }

    private static long stamp(Path directory) throws TokenException {
        if (directory == null || !Files.isDirectory(directory)) {
            return 0;
        }
        long stamp = 1;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                stamp = stamp * 31 + file.getFileName().hashCode() + Files.getLastModifiedTime(file).toMillis() + Files.size(file);
            }
        } catch (IOException e) {
            throw new TokenException("cannot read " + directory, e);
        }
        return stamp;
    }

    private static List<Object> read(Path directory, boolean crls) throws TokenException {
        List<Object> items = new ArrayList<>();
        if (directory == null || !Files.isDirectory(directory)) {
            return items;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, crls ? "*.{crl,pem}" : "*.{crt,cer,pem}")) {
            CertificateFactory factory = CertificateFactory.getInstance("X.509", Crypto.bc());
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    if (crls) {
                        items.addAll(factory.generateCRLs(in));
                    } else {
                        for (Certificate certificate : factory.generateCertificates(in)) {
                            items.add(certificate);
                        }
                    }
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new TokenException("cannot read " + directory, e);
        }
        return items;
    }
}
