package cn.etax.identity.crossregion.application;

import cn.etax.identity.account.domain.Person;
import cn.etax.identity.account.domain.PersonPhone;
import cn.etax.identity.crossregion.domain.CrossRegionKind;
import cn.etax.identity.crossregion.domain.CrossRegionSubject;
import cn.etax.identity.grant.domain.Grant;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.taxpayer.domain.Taxpayer;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * LOGIN-4 特定主体: the subjects of a taxpayer a person may enter, and entering one. The legal representative, the
 * finance officer and a tax officer (主身份办税员) of the taxpayer see all its valid subjects of the type; anybody else
 * only those whose report form names him as handler — by name ("你的信息与《跨区域涉税事项报告表》经办人信息不符") and by
 * phone ("你的手机号与《跨区域涉税事项报告表》经办人手机号不符"). No valid subject at all: "未查到相关信息". Every answer is
 * computed at the call: a subject closed, expired or a grant ended in between stops the entry.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CrossRegionService {

    /** The identities that see all the taxpayer's subjects (主身份). */
    private static final Set<IdentityType> MAIN = EnumSet.of(IdentityType.LEGAL_REPRESENTATIVE,
            IdentityType.FINANCE_OFFICER, IdentityType.TAX_OFFICER);

    /**
     * What a handler may do for the subject: file and pay its taxes, use invoices and query. The main identities
     * bring their own permissions, without the account and agency management a subject has no center for.
     */
    static final Set<Permission> HANDLER_PERMISSIONS = EnumSet.of(Permission.TAX_FILING_AND_PAYMENT,
            Permission.INVOICE_USE, Permission.TAX_QUERY);

    private static final Set<Permission> NOT_FOR_SUBJECTS = EnumSet.of(Permission.ACCOUNT_MANAGEMENT,
            Permission.AGENCY_MANAGEMENT);

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    BusinessClock clock;

    /** The subjects of {@code kind} the person may enter in the taxpayer, by number. */
    public List<SubjectOption> subjects(long personId, long taxpayerId, CrossRegionKind kind) {
        return visible(personId, taxpayerId, kind).subjects().stream().map(SubjectOption::of).toList();
    }

    /** The subject chosen from that list, checked now; {@code CROSS_REGION_UNAVAILABLE} when it is not among them. */
    public CrossRegionIdentity enter(long personId, long taxpayerId, CrossRegionKind kind, long subjectId) {
        Visible visible = visible(personId, taxpayerId, kind);
        CrossRegionSubject s = visible.subjects().stream().filter(x -> x.id() == subjectId).findFirst()
                .orElseThrow(() -> new ForbiddenException("CROSS_REGION_UNAVAILABLE"));
        Taxpayer t = em.find(Taxpayer.class, taxpayerId);
        Set<Permission> permissions = visible.main().map(g -> {
            Set<Permission> own = EnumSet.noneOf(Permission.class);
            own.addAll(g.permissions());
            own.removeAll(NOT_FOR_SUBJECTS);
            return (Set<Permission>) own;
        }).orElse(HANDLER_PERMISSIONS);
        return new CrossRegionIdentity(s.id(), s.kind(), s.number(), t.id(), t.creditCode().value(),
                Masking.enterpriseName(t.name()), s.place().region(), s.place().taxAuthority(),
                visible.main().isPresent() ? CrossRegionRole.MAIN : CrossRegionRole.HANDLER,
                visible.main().map(Grant::id).orElse(null), s.validUntil(), permissions);
    }

    /**
     * The session's cross-region identity as it stands now (the same subject, still his to enter in the same role),
     * or {@code CURRENT_IDENTITY_UNAVAILABLE}.
     */
    public CrossRegionIdentity acting(long personId, CrossRegionIdentity current) {
        if (current == null) {
            throw new ForbiddenException("CURRENT_IDENTITY_UNAVAILABLE");
        }
        try {
            CrossRegionIdentity now = enter(personId, current.taxpayerId(), current.kind(), current.subjectId());
            if (!Objects.equals(now.grantId(), current.grantId())) {
                throw new ForbiddenException("CURRENT_IDENTITY_UNAVAILABLE"); // his role there changed since
            }
            return now;
        } catch (AuthenticationFailedException | ForbiddenException | NotFoundException e) {
            throw new ForbiddenException("CURRENT_IDENTITY_UNAVAILABLE");
        }
    }

    private Visible visible(long personId, long taxpayerId, CrossRegionKind kind) {
        if (kind == null) {
            throw new InvalidInputException("CROSS_REGION_KIND_REQUIRED");
        }
        LocalDate today = clock.today();
        List<CrossRegionSubject> valid = em.createNamedQuery(CrossRegionSubject.OF_TAXPAYER, CrossRegionSubject.class)
                .setParameter("taxpayer", taxpayerId).setParameter("kind", kind).getResultList().stream()
                .filter(s -> s.isValid(today)).toList();
        if (valid.isEmpty()) {
            throw new NotFoundException("CROSS_REGION_NOT_FOUND");
        }
        Optional<Grant> main = em.createNamedQuery(Grant.OF_PERSON_IN_TAXPAYER, Grant.class)
                .setParameter("person", personId).setParameter("taxpayer", taxpayerId).getResultList().stream()
                .filter(g -> g.isEffective(today) && MAIN.contains(g.identityType()))
                .min(Comparator.comparing(Grant::identityType).thenComparing(Grant::id));
        if (main.isPresent()) {
            return new Visible(valid, main);
        }
        Person person = em.find(Person.class, personId);
        List<CrossRegionSubject> named = valid.stream().filter(s -> s.namesHandler(person.name())).toList();
        if (named.isEmpty()) {
            throw new ForbiddenException("CROSS_REGION_HANDLER_MISMATCH");
        }
        List<String> phones = person.phones().stream().map(PersonPhone::digest).toList();
        List<CrossRegionSubject> his = named.stream().filter(s -> s.handlerPhoneAmong(phones)).toList();
        if (his.isEmpty()) {
            throw new ForbiddenException("CROSS_REGION_HANDLER_PHONE_MISMATCH");
        }
        return new Visible(his, Optional.empty());
    }

    private record Visible(List<CrossRegionSubject> subjects, Optional<Grant> main) {
    }
}
