package cn.etax.identity.connector.token;

import cn.etax.identity.connector.api.TokenCertificate;
import cn.etax.identity.connector.api.TokenException;
import cn.etax.identity.connector.api.TokenLockedException;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.PKCS11Constants;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11Module;
import org.xipki.pkcs11.wrapper.Slot;

import javax.security.auth.login.LoginException;
import java.io.IOException;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A token in a PKCS#11 module (SoftHSM2 in tests, a vendor HSM or key middleware in production), chosen by its
 * label. Keys, certificates and signatures go through a SunPKCS11 provider instance (never installed JVM-wide);
 * the PIN change goes through the xipki/IAIK wrapper because SunPKCS11 has no {@code C_SetPIN}. Both share the one
 * loaded module: whichever initialises second tolerates {@code CKR_CRYPTOKI_ALREADY_INITIALIZED}, and nothing ever
 * calls {@code C_Finalize}. PKCS#11 login state belongs to the token, not to a session, so one session at a time
 * per token is logged in ({@link #open(char[])} holds the token until the session closes).
 */
public final class Pkcs11Token implements Token {

    /** One loaded module per library and one provider and gate per token, for the whole JVM. */
    private static final ConcurrentMap<String, PKCS11Module> MODULES = new ConcurrentHashMap<>();
    private static final ConcurrentMap<String, Provider> PROVIDERS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<String, Semaphore> GATES = new ConcurrentHashMap<>();

    private final String label;
    private final Slot slot;
    private final Provider provider;
    private final Semaphore gate;
    private final long loginWaitMillis;

    public Pkcs11Token(String library, String label, long loginWaitMillis) throws TokenException {
        this.label = label;
        this.loginWaitMillis = loginWaitMillis;
        PKCS11Module module = MODULES.computeIfAbsent(library, Pkcs11Token::load);
        this.slot = slotOf(module, label);
        String key = library + "#" + slot.getSlotID();
        this.provider = PROVIDERS.computeIfAbsent(key, k -> Security.getProvider("SunPKCS11").configure(
                "--name=etax-" + slot.getSlotID() + "\nlibrary=" + library + "\nslot=" + slot.getSlotID() + "\n"));
        this.gate = GATES.computeIfAbsent(key, k -> new Semaphore(1, true));
    }

    private static PKCS11Module load(String library) {
        try {
            PKCS11Module module = PKCS11Module.getInstance(library);
            try {
                module.initialize();
            } catch (PKCS11Exception e) {
                if (e.getErrorCode() != PKCS11Constants.CKR_CRYPTOKI_ALREADY_INITIALIZED) {
                    throw e;
                }
            }
            return module;
        } catch (IOException | org.xipki.pkcs11.wrapper.TokenException e) {
            throw new IllegalStateException("cannot load the PKCS#11 module " + library, e);
        }
    }

    private static Slot slotOf(PKCS11Module module, String label) throws TokenException {
        try {
            for (Slot slot : module.getSlotList(true)) {
                org.xipki.pkcs11.wrapper.Token token = slot.getNullableToken();
                if (token != null && label.equals(token.getTokenInfo().getLabel().trim())) {
                    return slot;
                }
            }
        } catch (PKCS11Exception e) {
            throw new TokenException("cannot list the slots of the PKCS#11 module", e);
        }
        throw new TokenException("no PKCS#11 token labelled " + label);
    }

    @Override
    public String name() {
        return label;
    }

    /**
     * Certificates are public objects, readable without a login — but SunPKCS11's key store logs in to list anything,
     * so they are read through the wrapper in a read-only session. The alias is the label, as SunPKCS11 names the key.
     */
    @Override
    public List<TokenCertificate> certificates() throws TokenException {
        try {
            org.xipki.pkcs11.wrapper.Session session = slot.getToken().openSession(false);
            try {
                List<TokenCertificate> certificates = new ArrayList<>();
                for (long handle : session.findAllObjectsSingle(AttributeVector.newX509Certificate())) {
                    AttributeVector attributes = session.getAttrValues(handle, PKCS11Constants.CKA_LABEL, PKCS11Constants.CKA_VALUE);
                    certificates.add(new TokenCertificate(label, attributes.label(), Crypto.describe(Crypto.parse(attributes.value()))));
                }
                certificates.sort(java.util.Comparator.comparing(TokenCertificate::alias));
                return certificates;
            } finally {
                session.closeSession();
            }
        } catch (PKCS11Exception e) {
            throw new TokenException("cannot read the certificates of token " + label, e);
        }
    }

    @Override
    public TokenSession open(char[] pin) throws TokenException {
        enter();
        try {
            logout();
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            return new Session(store);
        } catch (IOException | GeneralSecurityException e) {
            gate.release();
            throw refusal(e);
        } catch (RuntimeException e) {
            gate.release();
            throw e;
        }
    }

    @Override
    public void changePin(char[] oldPin, char[] newPin) throws TokenException {
        enter();
        try {
            logout();
            org.xipki.pkcs11.wrapper.Session session = slot.getToken().openSession(true);
            try {
                session.login(PKCS11Constants.CKU_USER, oldPin);
                try {
                    session.setPIN(oldPin, newPin);
                } finally {
                    session.logout();
                }
            } finally {
                session.closeSession();
            }
        } catch (PKCS11Exception e) {
            throw refusal(e);
        } catch (org.xipki.pkcs11.wrapper.TokenException e) {
            throw new TokenException("cannot change the PIN of token " + label, e);
        } finally {
            gate.release();
        }
    }

    private void enter() throws TokenException {
        try {
            if (!gate.tryAcquire(loginWaitMillis, TimeUnit.MILLISECONDS)) {
                throw new TokenException("token " + label + " is busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenException("interrupted while waiting for token " + label, e);
        }
    }

    private void logout() {
        try {
            ((AuthProvider) provider).logout();
        } catch (LoginException e) {
            // not logged in: nothing to undo
        }
    }

    private TokenException refusal(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // SunPKCS11's own exception type is not exported: its message names the CKR_ code
            long code = t instanceof PKCS11Exception p ? p.getErrorCode() : -1;
            String message = String.valueOf(t.getMessage());
            if (code == PKCS11Constants.CKR_PIN_INCORRECT || message.contains("CKR_PIN_INCORRECT")) {
                return new WrongPinException(label);
            }
            if (code == PKCS11Constants.CKR_PIN_LOCKED || message.contains("CKR_PIN_LOCKED")) {
                return new TokenLockedException(label);
            }
        }
        return new TokenException("token " + label + " refused the operation", e);
    }

    private final class Session implements TokenSession {

        private final KeyStore store;
        private final AtomicBoolean open = new AtomicBoolean(true);

        Session(KeyStore store) {
            this.store = store;
        }

        @Override
        public String defaultAlgorithm(String alias) throws TokenException {
            return Crypto.defaultAlgorithm(Crypto.keyAlgorithm(key(alias)));
        }

        @Override
        public byte[] sign(String alias, String algorithm, byte[] data) throws TokenException {
            try {
                Signature signature = Signature.getInstance(algorithm, provider);
                signature.initSign(key(alias));
                signature.update(data);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new TokenException("cannot sign with " + alias + " on token " + label, e);
            }
        }

        private PrivateKey key(String alias) throws TokenException {
            if (!open.get()) {
                throw new TokenException("token " + label + " is logged out");
            }
            try {
                Key key = store.getKey(alias, null);
                if (key instanceof PrivateKey privateKey) {
                    return privateKey;
                }
            } catch (GeneralSecurityException e) {
                throw new TokenException("cannot read key " + alias + " on token " + label, e);
            }
            throw new TokenException("no key " + alias + " on token " + label);
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                logout();
                gate.release();
            }
        }
    }
}
