package cn.etax.identity.account.application;

import cn.etax.identity.account.domain.Person;
import cn.etax.identity.account.domain.PersonDocument;
import cn.etax.identity.account.domain.PersonStatus;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.IdDocument;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.MobileNumber;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.application.PersonalDataProtector;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds persons by what they type into the account field (LOGIN-1: ID number, phone or username) or by a checked
 * document. Look-ups go through keyed digests; plain numbers never reach a query.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class PersonDirectory {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    PersonalDataProtector protector;

    /**
     * The active person behind a login account. Unknown phone: {@code PHONE_NOT_REGISTERED} (the seeds' hint to
     * use the ID number); anything else unknown: {@code USER_NOT_REGISTERED}.
     */
    public Person resolveAccount(String rawAccount) {
        return resolveAccount(rawAccount, false);
    }

    /**
     * {@link #resolveAccount(String)}, and at the non-resident entry (LOGIN-5: 邮箱地址/手机号码/用户名) also an email
     * address, when exactly one active person gave it ({@code EMAIL_NOT_UNIQUE} otherwise: the ID number, phone or
     * username work).
     */
    public Person resolveAccount(String rawAccount, boolean emailAllowed) {
        String account = rawAccount == null ? "" : rawAccount.strip();
        if (account.isEmpty()) {
            throw new AuthenticationFailedException("ACCOUNT_REQUIRED");
        }
        if (emailAllowed && account.indexOf('@') > 0) {
            List<Person> holders = em.createQuery("select p from Person p where lower(p.email) = :email "
                    + "and p.status = :active", Person.class).setParameter("email", account.toLowerCase(Locale.ROOT))
                    .setParameter("active", PersonStatus.ACTIVE).setMaxResults(2).getResultList();
            if (holders.size() > 1) {
                throw new AuthenticationFailedException("EMAIL_NOT_UNIQUE");
            }
            return holders.stream().findFirst()
                    .orElseThrow(() -> new AuthenticationFailedException("USER_NOT_REGISTERED"));
        }
        if (MobileNumber.looksLikeMobile(account)) {
            return byPhone(MobileNumber.parse(account)).filter(p -> p.status() == PersonStatus.ACTIVE)
                    .orElseThrow(() -> new AuthenticationFailedException("PHONE_NOT_REGISTERED"));
        }
        Optional<Person> found = byDocumentNumber(account);
        if (found.isEmpty()) {
            found = em.createNamedQuery(Person.BY_USERNAME, Person.class).setParameter("username", account)
                    .getResultStream().findFirst();
        }
        return found.filter(p -> p.status() == PersonStatus.ACTIVE)
                .orElseThrow(() -> new AuthenticationFailedException("USER_NOT_REGISTERED"));
    }

    public Optional<Person> byDocument(IdDocument document) {
        return em.createNamedQuery(Person.BY_DOCUMENT, Person.class)
                .setParameter("digest", documentDigest(document)).getResultStream().findFirst();
    }

    /**
     * Whether an active account holds the document: as the one it registered with, or as one it added (PER-7).
     * Registration refuses such a document (ALREADY_REGISTERED); a deregistered person's own document is free.
     */
    public boolean documentHeld(IdDocument document) {
        return documentHolder(document).isPresent();
    }

    /** The active account holding the document, as the one it registered with or as one it added (PER-7). */
    public Optional<Person> documentHolder(IdDocument document) {
        Optional<Person> registered = byDocument(document).filter(Person::active);
        if (registered.isPresent()) {
            return registered;
        }
        return em.createNamedQuery(PersonDocument.BY_DIGEST, PersonDocument.class)
                .setParameter("digest", documentDigest(document)).getResultStream().findFirst()
                .map(d -> em.find(Person.class, d.personId()));
    }

    public Optional<Person> byPhone(MobileNumber phone) {
        return em.createNamedQuery(Person.BY_PHONE, Person.class)
                .setParameter("digest", protector.digest("phone", phone.value()))
                .getResultStream().findFirst();
    }

    public Optional<Person> byUsername(String username) {
        return em.createNamedQuery(Person.BY_USERNAME, Person.class).setParameter("username", username)
                .getResultStream().findFirst();
    }

    /**
     * RULE-USER: a username someone holds, or the number of a document someone registered with — the login field
     * reads such a number as that document first (a foreign passport number is any 5 to 20 letters and digits),
     * so the username would log nobody in and its owner's attempts would count against the document's holder.
     * The chooser's own document number is his to take ({@code chooser} null before he has an account).
     */
    public boolean usernameTaken(String username, Long chooser) {
        return byUsername(username).isPresent()
                || byDocumentNumber(username).filter(p -> !Long.valueOf(p.id()).equals(chooser)).isPresent();
    }

    /** The person registered with a document of any type whose number this is (as typed into the login field). */
    private Optional<Person> byDocumentNumber(String typed) {
        String number = IdDocument.normalise(typed);
        List<String> digests = new ArrayList<>();
        for (IdType type : IdType.values()) {
            if (type.accepts(number)) {
                digests.add(protector.digest("id", type.name() + ':' + number));
            }
        }
        if (digests.isEmpty()) {
            return Optional.empty();
        }
        return em.createQuery("select p from Person p where p.idDigest in :digests", Person.class)
                .setParameter("digests", digests).getResultStream().findFirst();
    }

    public Person get(long personId) {
        Person p = em.find(Person.class, personId);
        if (p == null) {
            throw new NotFoundException("USER_NOT_REGISTERED");
        }
        return p;
    }

    /** {@link #get} with the phones read in the same statement, for a step that needs the default phone. */
    public Person getWithPhones(long personId) {
        List<Person> rows = em.createNamedQuery(Person.WITH_PHONES, Person.class).setParameter("id", personId)
                .getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("USER_NOT_REGISTERED");
        }
        return rows.get(0);
    }

    public String documentDigest(IdDocument document) {
        return protector.digest("id", document.digestInput());
    }
}
