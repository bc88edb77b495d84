package cn.etax.identity.simulation.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicBoolean;

/** Failure switches testers flip to see how the platform answers an outside service that is down. */
@ApplicationScoped
public class SimulatorSwitches {

    private final AtomicBoolean smsDown = new AtomicBoolean();
    private final AtomicBoolean registryDown = new AtomicBoolean();
    private final AtomicBoolean faceServiceDown = new AtomicBoolean();
    private final AtomicBoolean coreTaxSystemDown = new AtomicBoolean();

    public boolean coreTaxSystemDown() {
        return coreTaxSystemDown.get();
    }

    public void setCoreTaxSystemDown(boolean down) {
        coreTaxSystemDown.set(down);
    }

    public boolean faceServiceDown() {
        return faceServiceDown.get();
    }

    public void setFaceServiceDown(boolean down) {
        faceServiceDown.set(down);
    }

    public boolean smsGatewayDown() {
        return smsDown.get();
    }

    public boolean registryDown() {
        return registryDown.get();
    }

    public void setSmsGatewayDown(boolean down) {
        smsDown.set(down);
    }

    public void setRegistryDown(boolean down) {
        registryDown.set(down);
    }
}
