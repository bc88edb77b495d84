package cn.etax.identity.simulation.application;

import cn.etax.identity.account.application.PersonDirectory;
import cn.etax.identity.account.application.PhoneOwnership;
import cn.etax.identity.account.domain.Person;
import cn.etax.identity.account.domain.ProtectedValue;
import cn.etax.identity.authentication.application.LoginGuardService;
import cn.etax.identity.authentication.application.PasswordHasher;
import cn.etax.identity.registration.application.PersonRegistered;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.IdDocument;
import cn.etax.identity.shared.MobileNumber;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.OutsideServices;
import cn.etax.identity.shared.application.PersonalDataProtector;
import cn.etax.identity.shared.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Persons made directly, without the registration journey: the demo data, and fixtures for tests and benchmarks
 * through the simulator API. Only with the simulators (or the demo profile) on.
 */
@Stateless
public class PersonFixtures {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    PersonDirectory directory;

    @EJB
    PhoneOwnership phones;

    @EJB
    LoginGuardService guards;

    @Inject
    PersonalDataProtector protector;

    @Inject
    PasswordHasher hasher;

    @Inject
    BusinessClock clock;

    @Inject
    OutsideServices services;

    @Inject
    Event<PersonRegistered> registered;

    /**
     * A registered person at level 4 ({@code migrated}: level 3, initial password = last six characters of the
     * number, agreements unsigned), holding {@code phone} (taken from anyone else). Returns the new id.
     */
    public long create(String name, IdDocument document, String phone, String password, boolean migrated) {
        return create(name, document, phone, password, migrated, false);
    }

    /** The same, registered as an overseas natural person (境外自然人) when {@code overseas}. */
    public long create(String name, IdDocument document, String phone, String password, boolean migrated,
                       boolean overseas) {
        if (!services.simulatorsEnabled()) {
            throw new NotFoundException("NOT_FOUND");
        }
        if (directory.byDocument(document).isPresent()) {
            throw new ConflictException("ALREADY_REGISTERED");
        }
        ProtectedValue id = protector.protect("id", document.digestInput(), document.number(), v -> document.masked());
        String nationality = document.type().impliedNationality();
        Person p = migrated
                ? Person.migrated(name, document.type(), id, document.gender(), nationality, document.birthDate(),
                        hasher.hash(document.initialPassword()), clock.now())
                : Person.registered(name, document.type(), id, document.gender(), nationality, document.birthDate(),
                        overseas, hasher.hash(password), 4, clock.now());
        em.persist(p);
        em.flush();
        registered.fire(new PersonRegistered(p.id(), p.idDigest()));
        if (phone != null && !phone.isBlank()) {
            p.addPhone(phones.release(MobileNumber.parse(phone), p.id(), ClientContext.UNKNOWN), clock.now());
        }
        guards.create(p.id());
        return p.id();
    }
}
