package cn.etax.identity.authentication.application;

import cn.etax.identity.account.application.PersonDirectory;
import cn.etax.identity.account.domain.Person;
import cn.etax.identity.account.domain.PersonPhone;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.domain.AuthFlow;
import cn.etax.identity.authentication.domain.FlowKind;
import cn.etax.identity.authentication.domain.FlowStep;
import cn.etax.identity.certificate.application.CertificateHolder;
import cn.etax.identity.grant.application.AgentService;
import cn.etax.identity.grant.application.EnterpriseIdentityService;
import cn.etax.identity.grant.application.StaffOption;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.CreditCode;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.Secrets;
import cn.etax.identity.taxpayer.domain.Taxpayer;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The transactional pieces of the certificate login; see {@link CertificateLoginService} for the order. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CertificateLoginSteps {

    /** What the key signs: the platform's purpose, then the flow's random challenge (domain separation). */
    static final String PURPOSE = "etax-identity-certificate-login:";

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    FlowService flows;

    @EJB
    EnterpriseIdentityService identities;

    @EJB
    AgentService agents;

    @EJB
    PersonDirectory directory;

    @EJB
    AuditService audit;

    @Inject
    BusinessClock clock;

    @Inject
    @ConfigProperty(name = "identity.certificates.challenge-seconds", defaultValue = "60")
    long challengeSeconds;

    /** The certificate journeys: LOGIN-6 at the enterprise entry, LOGIN-3's variant at the agent entry. */
    static final Set<FlowKind> KINDS = EnumSet.of(FlowKind.CERTIFICATE_LOGIN, FlowKind.AGENT_CERTIFICATE);

    /** The journeys that choose a staff identity after proving the taxpayer: these and LOGIN-11's old entries. */
    static final Set<FlowKind> STAFF_CHOICE = EnumSet.of(FlowKind.CERTIFICATE_LOGIN, FlowKind.AGENT_CERTIFICATE,
            FlowKind.LEGACY_LOGIN, FlowKind.LEGACY_AGENT);

    /** A new certificate flow of that kind and the challenge its key must sign. */
    public CertificateChallenge challenge(FlowKind kind, ClientContext client) {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException(kind.name());
        }
        FlowService.Started started = flows.start(kind, client);
        String challenge = Secrets.token(32);
        Instant until = clock.now().plusSeconds(challengeSeconds);
        started.flow().issueChallenge(challenge, until);
        return new CertificateChallenge(started.token(), signedData(challenge), until);
    }

    /** Takes the flow's challenge for one signature check: committed at once, so it is gone whatever the check says. */
    public byte[] takeChallenge(String flowToken) {
        AuthFlow flow = flows.find(flowToken, KINDS);
        return signedData(flow.consumeChallenge(clock.now()));
    }

    /** The certificate verified: its taxpayer must be registered; the flow remembers both; the staff to choose from. */
    public CertificateAccepted certified(String flowToken, CertificateHolder holder, String certificateDigest,
                                         ClientContext client) {
        AuthFlow flow = flows.find(flowToken, KINDS);
        long taxpayerId;
        try {
            taxpayerId = identities.taxpayerId(CreditCode.of(holder.creditCode()));
        } catch (DomainException e) {
            throw new NotFoundException("CERTIFICATE_TAXPAYER_NOT_FOUND");
        }
        if (flow.kind() == FlowKind.AGENT_CERTIFICATE) {
            agents.requireAgency(taxpayerId); // the agent entry takes a tax-agent institution's key only
        }
        flow.certified(taxpayerId, certificateDigest);
        Taxpayer taxpayer = em.find(Taxpayer.class, taxpayerId);
        List<StaffOption> staff = identities.staffOptions(taxpayerId);
        audit.record(null, "CERTIFICATE_LOGIN_VERIFIED", "taxpayer:" + taxpayerId,
                "serial " + holder.serialNumber() + " " + holder.algorithm(), client);
        return new CertificateAccepted(flowToken, holder.holder(), taxpayer.creditCode().value(),
                Masking.enterpriseName(taxpayer.name()), holder.serialNumber(), holder.algorithm(), staff);
    }

    /**
     * The staff identity chosen (after a certificate, or LOGIN-11's old enterprise password): checked now, bound to
     * the flow; the second factor goes to that person.
     */
    public PasswordAccepted chooseStaff(String flowToken, long grantId) {
        AuthFlow flow = flows.find(flowToken, STAFF_CHOICE);
        if (flow.step() != FlowStep.CERTIFIED) {
            throw new AuthenticationFailedException("FLOW_NOT_VERIFIED");
        }
        long personId = identities.staffMember(flow.taxpayerId(), grantId);
        Person person = directory.get(personId);
        if (!person.active()) {
            // REG-7: the relationship stays, but a deregistered person has no online identity to log in with
            throw new AuthenticationFailedException("USER_NOT_REGISTERED");
        }
        flow.chooseStaff(personId, grantId);
        PersonPhone phone = person.defaultPhone().orElse(null);
        return new PasswordAccepted(flowToken, phone == null ? "" : phone.masked(), Masking.name(person.name()));
    }

    static byte[] signedData(String challenge) {
        return (PURPOSE + challenge).getBytes(StandardCharsets.US_ASCII);
    }
}
