package cn.etax.identity.connector.outbound;

import cn.etax.identity.connector.api.TokenConnection;
import cn.etax.identity.connector.api.TokenConnectionFactory;
import cn.etax.identity.connector.token.CertificateValidator;
import cn.etax.identity.connector.token.Crypto;
import cn.etax.identity.connector.token.DemoCertificateAuthority;
import cn.etax.identity.connector.token.PinAttempts;
import cn.etax.identity.connector.token.Tokens;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.TransactionSupport;

import javax.security.auth.Subject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.PKIXCertPathChecker;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One configured set of tokens. Every property may name a system property as {@code ${name}} or
 * {@code ${name:default}} (resolved here, so the same definition serves the run command, the tests and a
 * production domain). Directories default to sub-directories of {@code baseDirectory}: {@code tokens},
 * {@code roots}, {@code crls}, {@code state}.
 */
@ConnectionDefinition(connectionFactory = TokenConnectionFactory.class,
        connectionFactoryImpl = TokenConnectionFactoryImpl.class,
        connection = TokenConnection.class,
        connectionImpl = TokenConnectionHandle.class)
public class TokenManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation, TransactionSupport {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(TokenManagedConnectionFactory.class.getName());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    @ConfigProperty(description = "Directory holding tokens/, roots/, crls/ and state/; default: system property "
            + "identity.certificates.dir, else <identity.data.dir or ./data>/certificates")
    private String baseDirectory = "";
    @ConfigProperty(description = "Soft tokens (one directory per token); default baseDirectory/tokens")
    private String softTokenDirectory = "";
    @ConfigProperty(description = "Tax CA root certificates (PEM or DER); default baseDirectory/roots")
    private String trustAnchorDirectory = "";
    @ConfigProperty(description = "CRLs of the tax CAs; with any CRL present revocation is checked; default baseDirectory/crls")
    private String crlDirectory = "";
    @ConfigProperty(description = "PIN retry counters; default baseDirectory/state")
    private String stateDirectory = "";
    @ConfigProperty(description = "PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so; empty = none")
    private String pkcs11Library = "";
    @ConfigProperty(description = "Label of the PKCS#11 token to use")
    private String pkcs11TokenLabel = "";
    @ConfigProperty(description = "Wrong PINs in a row after which a token locks", defaultValue = "10")
    private Integer maxPinAttempts = 10;
    @ConfigProperty(description = "Seconds a login waits for another connection to release the same token", defaultValue = "30")
    private Integer loginWaitSeconds = 30;
    @ConfigProperty(description = "SM2 signer id (GM/T 0009 default 1234567812345678)", defaultValue = Crypto.DEFAULT_SM2_USER_ID)
    private String sm2UserId = Crypto.DEFAULT_SM2_USER_ID;
    @ConfigProperty(description = "Class name of an extra java.security.cert.PKIXCertPathChecker, e.g. an OCSP client")
    private String revocationChecker = "";
    @ConfigProperty(description = "true: write the demo tax CA and demo tokens when absent; default: system property identity.demo.enabled")
    private String demoCertificates = "";

    private transient ResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;
    private transient volatile Tokens tokens;
    private transient volatile CertificateValidator validator;

    @Override
    public Object createConnectionFactory(ConnectionManager manager) {
        return new TokenConnectionFactoryImpl(this, manager);
    }

    /** Outside a server (unit tests, tools): every connection is new and is destroyed on close. */
    @Override
    public Object createConnectionFactory() {
        return new TokenConnectionFactoryImpl(this, new UnmanagedConnections());
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo request) throws ResourceException {
        return new TokenManagedConnection(this);
    }

    /** Any idle connection will do: none holds a login (cleanup logged it out) and a handle names its own token. */
    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo request) {
        for (Object candidate : candidates) {
            // equal configuration, not identity: a server may hold a copy of the factory it created the connection with
            if (candidate instanceof TokenManagedConnection connection && equals(connection.factory()) && !connection.isDestroyed()) {
                return connection;
            }
        }
        return null;
    }

    Tokens tokens() {
        Tokens current = tokens;
        if (current == null) {
            synchronized (this) {
                if (tokens == null) {
                    tokens = new Tokens(directory(softTokenDirectory, "tokens"), resolve(pkcs11Library), resolve(pkcs11TokenLabel),
                            new PinAttempts(directory(stateDirectory, "state"), maxPinAttempts),
                            new Crypto(resolve(sm2UserId)), loginWaitSeconds * 1000L);
                    installDemoWhenAsked();
                }
                current = tokens;
            }
        }
        return current;
    }

    CertificateValidator validator() {
        CertificateValidator current = validator;
        if (current == null) {
            synchronized (this) {
                if (validator == null) {
                    tokens();
                    validator = new CertificateValidator(directory(trustAnchorDirectory, "roots"), directory(crlDirectory, "crls"),
                            this::newRevocationChecker);
                }
                current = validator;
            }
        }
        return current;
    }

    private void installDemoWhenAsked() {
        String demo = resolve(demoCertificates);
        if (!Boolean.parseBoolean(demo == null || demo.isBlank() ? System.getProperty("identity.demo.enabled") : demo)) {
            return;
        }
        try {
            if (DemoCertificateAuthority.installDemo(directory(softTokenDirectory, "tokens"), directory(trustAnchorDirectory, "roots"),
                    directory(crlDirectory, "crls"), Instant.now())) {
                LOG.log(Level.INFO, "demo tax CA and demo tokens written under {0}", base());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the demo tax CA", e);
        }
    }

    private PKIXCertPathChecker newRevocationChecker() {
        String className = resolve(revocationChecker);
        if (className == null || className.isBlank()) {
            return null;
        }
        try {
            return (PKIXCertPathChecker) Class.forName(className, true, getClass().getClassLoader()).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("revocationChecker " + className + " is not a PKIXCertPathChecker with a public no-argument constructor", e);
        }
    }

    private Path directory(String configured, String underBase) {
        String value = resolve(configured);
        return value == null || value.isBlank() ? base().resolve(underBase) : Path.of(value).toAbsolutePath();
    }

    private Path base() {
        String value = resolve(baseDirectory);
        if (value == null || value.isBlank()) {
            value = System.getProperty("identity.certificates.dir");
        }
        if (value == null || value.isBlank()) {
            value = System.getProperty("identity.data.dir", "data") + "/certificates";
        }
        return Path.of(value).toAbsolutePath();
    }

    static String resolve(String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String replacement = System.getProperty(matcher.group(1));
            if (replacement == null) {
                replacement = matcher.group(2) == null ? "" : matcher.group(2);
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    @Override
    public TransactionSupportLevel getTransactionSupport() {
        return TransactionSupportLevel.NoTransaction;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) {
        this.resourceAdapter = resourceAdapter;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter logWriter) {
        this.logWriter = logWriter;
    }

    public String getBaseDirectory() {
        return baseDirectory;
    }

    public void setBaseDirectory(String baseDirectory) {
        this.baseDirectory = baseDirectory;
    }

    public String getSoftTokenDirectory() {
        return softTokenDirectory;
    }

    public void setSoftTokenDirectory(String softTokenDirectory) {
        this.softTokenDirectory = softTokenDirectory;
    }

    public String getTrustAnchorDirectory() {
        return trustAnchorDirectory;
    }

    public void setTrustAnchorDirectory(String trustAnchorDirectory) {
        this.trustAnchorDirectory = trustAnchorDirectory;
    }

    public String getCrlDirectory() {
        return crlDirectory;
    }

    public void setCrlDirectory(String crlDirectory) {
        this.crlDirectory = crlDirectory;
    }

    public String getStateDirectory() {
        return stateDirectory;
    }

    public void setStateDirectory(String stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    public String getPkcs11Library() {
        return pkcs11Library;
    }

    public void setPkcs11Library(String pkcs11Library) {
        this.pkcs11Library = pkcs11Library;
    }

    public String getPkcs11TokenLabel() {
        return pkcs11TokenLabel;
    }

    public void setPkcs11TokenLabel(String pkcs11TokenLabel) {
        this.pkcs11TokenLabel = pkcs11TokenLabel;
    }

    public Integer getMaxPinAttempts() {
        return maxPinAttempts;
    }

    public void setMaxPinAttempts(Integer maxPinAttempts) {
        this.maxPinAttempts = maxPinAttempts;
    }

    public Integer getLoginWaitSeconds() {
        return loginWaitSeconds;
    }

    public void setLoginWaitSeconds(Integer loginWaitSeconds) {
        this.loginWaitSeconds = loginWaitSeconds;
    }

    public String getSm2UserId() {
        return sm2UserId;
    }

    public void setSm2UserId(String sm2UserId) {
        this.sm2UserId = sm2UserId;
    }

    public String getRevocationChecker() {
        return revocationChecker;
    }

    public void setRevocationChecker(String revocationChecker) {
        this.revocationChecker = revocationChecker;
    }

    public String getDemoCertificates() {
        return demoCertificates;
    }

    public void setDemoCertificates(String demoCertificates) {
        this.demoCertificates = demoCertificates;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenManagedConnectionFactory that
                && Objects.equals(baseDirectory, that.baseDirectory) && Objects.equals(softTokenDirectory, that.softTokenDirectory)
                && Objects.equals(trustAnchorDirectory, that.trustAnchorDirectory) && Objects.equals(crlDirectory, that.crlDirectory)
                && Objects.equals(stateDirectory, that.stateDirectory) && Objects.equals(pkcs11Library, that.pkcs11Library)
                && Objects.equals(pkcs11TokenLabel, that.pkcs11TokenLabel) && Objects.equals(maxPinAttempts, that.maxPinAttempts)
                && Objects.equals(loginWaitSeconds, that.loginWaitSeconds) && Objects.equals(sm2UserId, that.sm2UserId)
                && Objects.equals(revocationChecker, that.revocationChecker) && Objects.equals(demoCertificates, that.demoCertificates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(baseDirectory, softTokenDirectory, trustAnchorDirectory, crlDirectory, stateDirectory, pkcs11Library,
                pkcs11TokenLabel, maxPinAttempts, loginWaitSeconds, sm2UserId, revocationChecker, demoCertificates);
    }
}
