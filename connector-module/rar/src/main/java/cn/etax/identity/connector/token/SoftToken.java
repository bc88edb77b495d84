package cn.etax.identity.connector.token;

import cn.etax.identity.connector.api.TokenCertificate;
import cn.etax.identity.connector.api.TokenException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A software token: a directory holding {@code keystore.p12} (Bouncy Castle PKCS#12 — the JDK's own misreads SM2
 * files as a wrong password) whose password is the PIN, and one public {@code <alias>.crt} (PEM) per key, so the
 * certificates can be listed without the PIN. Used for SM2 keys (no PKCS#11 module here has SM2) and as the embedded
 * default's token when no PKCS#11 module is installed.
 */
public final class SoftToken implements Token {

    static final String KEY_STORE = "keystore.p12";
    private static final String CERTIFICATE_SUFFIX = ".crt";

    private final Path directory;
    private final Crypto crypto;

    SoftToken(Path directory, Crypto crypto) {
        this.directory = directory;
        this.crypto = crypto;
    }

    static boolean isSoftToken(Path directory) {
        return Files.isRegularFile(directory.resolve(KEY_STORE));
    }

    /** Writes a new soft token: the key store under the PIN and the certificates beside it. */
    public static void create(Path directory, char[] pin, Map<String, KeyEntry> keys) throws IOException, GeneralSecurityException {
        Files.createDirectories(directory);
        KeyStore store = KeyStore.getInstance("PKCS12", Crypto.bc());
        store.load(null, null);
        for (Map.Entry<String, KeyEntry> key : keys.entrySet()) {
            store.setKeyEntry(key.getKey(), key.getValue().privateKey(), pin, key.getValue().chain());
            writePem(directory.resolve(key.getKey() + CERTIFICATE_SUFFIX), key.getValue().chain()[0]);
        }
        store(store, directory.resolve(KEY_STORE), pin);
    }

    public record KeyEntry(PrivateKey privateKey, X509Certificate[] chain) {
    }

    @Override
    public String name() {
        return directory.getFileName().toString();
    }

    @Override
    public List<TokenCertificate> certificates() throws TokenException {
        List<TokenCertificate> certificates = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + CERTIFICATE_SUFFIX)) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                try (InputStream in = Files.newInputStream(file)) {
                    X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509", Crypto.bc())
                            .generateCertificate(in);
                    certificates.add(new TokenCertificate(name(), fileName.substring(0, fileName.length() - CERTIFICATE_SUFFIX.length()),
                            Crypto.describe(certificate)));
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new TokenException("cannot read the certificates of token " + name(), e);
        }
        certificates.sort(java.util.Comparator.comparing(TokenCertificate::alias));
        return certificates;
    }

    @Override
    public TokenSession open(char[] pin) throws TokenException {
        KeyStore store = load(pin);
        Map<String, PrivateKey> keys = new HashMap<>();
        try {
            for (String alias : java.util.Collections.list(store.aliases())) {
                Key key = store.getKey(alias, pin);
                if (key instanceof PrivateKey privateKey) {
                    keys.put(alias, privateKey);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new TokenException("cannot read the keys of token " + name(), e);
        }
        return new Session(keys);
    }

    @Override
    public void changePin(char[] oldPin, char[] newPin) throws TokenException {
        KeyStore store = load(oldPin);
        try {
            KeyStore changed = KeyStore.getInstance("PKCS12", Crypto.bc());
            changed.load(null, null);
            for (String alias : java.util.Collections.list(store.aliases())) {
                Key key = store.getKey(alias, oldPin);
                changed.setKeyEntry(alias, key, newPin, store.getCertificateChain(alias));
            }
            store(changed, directory.resolve(KEY_STORE), newPin);
        } catch (IOException | GeneralSecurityException e) {
            throw new TokenException("cannot change the PIN of token " + name(), e);
        }
    }

    private KeyStore load(char[] pin) throws TokenException {
        try (InputStream in = Files.newInputStream(directory.resolve(KEY_STORE))) {
            KeyStore store = KeyStore.getInstance("PKCS12", Crypto.bc());
            store.load(in, pin);
            return store;
        } catch (IOException e) {
            // Bouncy Castle answers a wrong password with "mac invalid" / "wrong password" IOExceptions
            if (Files.isReadable(directory.resolve(KEY_STORE))) {
                throw new WrongPinException(name());
            }
            throw new TokenException("token " + name() + " cannot be read", e);
        } catch (GeneralSecurityException e) {
            throw new TokenException("token " + name() + " cannot be read", e);
        }
    }

    private static void store(KeyStore store, Path target, char[] pin) throws IOException, GeneralSecurityException {
        Path temporary = Files.createTempFile(target.getParent(), ".keystore", ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, pin);
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writePem(Path file, Certificate certificate) throws IOException, GeneralSecurityException {
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }

    private final class Session implements TokenSession {

        private final Map<String, PrivateKey> keys;

        Session(Map<String, PrivateKey> keys) {
            this.keys = keys;
        }

        @Override
        public String defaultAlgorithm(String alias) throws TokenException {
            return Crypto.defaultAlgorithm(Crypto.keyAlgorithm(key(alias)));
        }

        @Override
        public byte[] sign(String alias, String algorithm, byte[] data) throws TokenException {
            PrivateKey key = key(alias);
            Signature signature = algorithm.toUpperCase(java.util.Locale.ROOT).contains("SM2")
                    ? crypto.signature(algorithm, null) : bcOrJdk(algorithm);
            try {
                signature.initSign(key);
                signature.update(data);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new TokenException("cannot sign with " + alias + " on token " + name(), e);
            }
        }

        private Signature bcOrJdk(String algorithm) throws TokenException {
            try {
                return Signature.getInstance(algorithm, Crypto.bc());
            } catch (GeneralSecurityException e) {
                return crypto.signature(algorithm, null);
            }
        }

        private PrivateKey key(String alias) throws TokenException {
            PrivateKey key = keys.get(alias);
            if (key == null) {
                throw new TokenException(keys.isEmpty() ? "token " + name() + " is logged out" : "no key " + alias + " on token " + name());
            }
            return key;
        }

        @Override
        public void close() {
            keys.clear();
        }
    }
}
