package cn.etax.identity.connector.outbound;

import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import javax.transaction.xa.XAResource;
import java.io.Serializable;
import java.util.logging.Logger;

/** The adapter's lifecycle. Outbound only: the back ends are opened lazily by each connection factory. */
@Connector(displayName = "etax certificate tokens",
        description = "PKCS#11 modules and Bouncy Castle soft tokens: certificates, signatures, chain validation, PIN change",
        vendorName = "etax identity platform",
        eisType = "Cryptographic tokens",
        version = "1.0",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class TokenResourceAdapter implements ResourceAdapter, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(TokenResourceAdapter.class.getName());

    @Override
    public void start(BootstrapContext context) {
        LOG.info("certificate token adapter started");
    }

    @Override
    public void stop() {
        LOG.info("certificate token adapter stopped");
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws NotSupportedException {
        throw new NotSupportedException("the certificate token adapter has no inbound side");
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        // no inbound side
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenResourceAdapter;
    }

    @Override
    public int hashCode() {
        return TokenResourceAdapter.class.hashCode();
    }
}
