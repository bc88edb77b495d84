package cn.etax.identity.simulation.infrastructure;

import cn.etax.identity.registration.infrastructure.IdentityRegistry;
import cn.etax.identity.shared.IdDocument;
import cn.etax.identity.shared.ServiceBusyException;
import cn.etax.identity.shared.application.Simulated;
import cn.etax.identity.simulation.domain.SimulatedCitizen;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Identity registry simulator: answers from the seeded citizens table; testers add citizens through its API. */
@ApplicationScoped
@Simulated
public class SimulatedIdentityRegistry implements IdentityRegistry {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    SimulatorSwitches switches;

    @Override
    public Verdict check(String name, IdDocument document) {
        if (switches.registryDown()) {
            throw new ServiceBusyException("ID_REGISTRY_BUSY");
        }
        return em.createNamedQuery(SimulatedCitizen.BY_DOCUMENT, SimulatedCitizen.class)
                .setParameter("type", document.type()).setParameter("number", document.number())
                .getResultStream().findFirst()
                .map(c -> c.name().equals(name) ? Verdict.MATCH : Verdict.NAME_MISMATCH)
                .orElse(Verdict.NOT_FOUND);
    }

    @Override
    public String name() {
        return "simulator (citizens table)";
    }
}
