package cn.etax.identity.simulation.infrastructure;

import cn.etax.identity.authentication.infrastructure.SmsGateway;
import cn.etax.identity.shared.MobileNumber;
import cn.etax.identity.shared.ServiceBusyException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.Simulated;
import cn.etax.identity.simulation.domain.SimulatedSms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** SMS gateway simulator: messages land in the outbox table (the SMS outbox page and API read it). */
@ApplicationScoped
@Simulated
public class SimulatedSmsGateway implements SmsGateway {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    BusinessClock clock;

    @Inject
    SimulatorSwitches switches;

    @Override
    public void send(MobileNumber to, String text) {
        if (switches.smsGatewayDown()) {
            throw new ServiceBusyException("SMS_GATEWAY_BUSY");
        }
        em.persist(new SimulatedSms(to.value(), text, clock.now()));
    }

    @Override
    public String name() {
        return "simulator (outbox)";
    }
}
