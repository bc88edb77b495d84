package cn.etax.identity.simulation.application;

import cn.etax.identity.certificate.application.CertificateHelper;
import cn.etax.identity.shared.application.Simulated;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The certificate helper port answered by the simulated helper: the connector's tokens are the "inserted keys". */
@Simulated
@ApplicationScoped
public class SimulatedCertificateHelper implements CertificateHelper {

    @EJB
    CertificateHelperSimulator simulator;

    @Override
    public List<KeyCertificate> certificates() {
        return simulator.certificates().stream().map(c -> new KeyCertificate(c.token(), c.alias(), c.holder())).toList();
    }

    @Override
    public Signed sign(String token, String alias, char[] pin, byte[] data) {
        CertificateHelperSimulator.Signed signed = simulator.sign(token, alias, pin, data);
        return new Signed(signed.signature(), signed.certificate());
    }

    @Override
    public void changePin(String token, char[] oldPin, char[] newPin) {
        simulator.changePin(token, oldPin, newPin);
    }
}
