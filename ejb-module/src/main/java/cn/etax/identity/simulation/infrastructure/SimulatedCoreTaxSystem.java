package cn.etax.identity.simulation.infrastructure;

import cn.etax.identity.grant.infrastructure.CoreTaxSystem;
import cn.etax.identity.grant.infrastructure.RelationshipRecord;
import cn.etax.identity.shared.ServiceBusyException;
import cn.etax.identity.shared.application.Simulated;
import cn.etax.identity.simulation.domain.SimulatedCoreTaxPush;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.stream.Collectors;

/** Core tax system simulator: a pushed relationship lands, masked, in a table testers read (/api/sim/core-tax). */
@ApplicationScoped
@Simulated
public class SimulatedCoreTaxSystem implements CoreTaxSystem {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    SimulatorSwitches switches;

    @Override
    public void pushRelationship(RelationshipRecord r) {
        if (switches.coreTaxSystemDown()) {
            throw new ServiceBusyException("CORE_TAX_SYSTEM_BUSY");
        }
        em.persist(new SimulatedCoreTaxPush(r.grantId(), r.creditCode(), r.holderNameMasked(), r.idType().name(),
                r.idNumberMasked(), r.identityType().name(), r.state().name(),
                r.permissions().stream().map(Enum::name).sorted().collect(Collectors.joining(",")), r.validUntil(),
                r.pushedAt()));
    }

    @Override
    public String name() {
        return "simulator (push table)";
    }
}
