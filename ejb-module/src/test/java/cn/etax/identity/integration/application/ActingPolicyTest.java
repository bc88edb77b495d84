package cn.etax.identity.integration.application;

import cn.etax.identity.grant.domain.AgencyMandate;
import cn.etax.identity.grant.domain.Grant;
import cn.etax.identity.grant.domain.GrantActor;
import cn.etax.identity.grant.domain.GrantHolder;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.MandateSide;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.remote.ActingDecision;
import cn.etax.identity.shared.IdType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static cn.etax.identity.grant.domain.Permission.INVOICE_ISSUE;
import static cn.etax.identity.grant.domain.Permission.TAX_FILING_AND_PAYMENT;
import static cn.etax.identity.grant.domain.Permission.TAX_QUERY;
import static cn.etax.identity.grant.domain.Permission.TAX_REFUND;
import static org.assertj.core.api.Assertions.assertThat;

/** API-1 "may person X act for taxpayer Y with permission P now", on grants in every state. */
class ActingPolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private static final long PERSON = 50;
    private static final long AGENCY = 10;
    private static final long CLIENT = 20;
    /** The agency assigned its agents everything of the mandate (代理人员权限). */
    private static final java.util.function.BiFunction<AgencyMandate, Grant, Set<Permission>> ASSIGNED_ALL =
            (m, g) -> m.permissionsFor(g.identityType(), g.permissions(), m.scope());
    /** The agency assigned no one. */
    private static final java.util.function.BiFunction<AgencyMandate, Grant, Set<Permission>> ASSIGNED_NONE =
            (m, g) -> m.permissionsFor(g.identityType(), g.permissions(), null);
    private static long nextId = 100;

    @Test
    @DisplayName("the legal representative may use every permission of his type")
    void legalRepresentative() {
        Grant legal = Grant.bindLegalRepresentative(1, holder(), PERSON, NOW);
        identify(legal);

        ActingDecision d = ActingPolicy.decide(List.of(legal), TAX_REFUND, TODAY);

        assertThat(d).isEqualTo(ActingDecision.allowedBy("LEGAL_REPRESENTATIVE", legal.id()));
    }

    @Test
    @DisplayName("of two active identities, the one carrying the permission allows it")
    void secondIdentityCarriesThePermission() {
        Grant invoicer = active(IdentityType.INVOICER, Set.of(INVOICE_ISSUE), null);
        Grant officer = active(IdentityType.TAX_OFFICER, Set.of(TAX_FILING_AND_PAYMENT), null);

        ActingDecision d = ActingPolicy.decide(List.of(invoicer, officer), TAX_FILING_AND_PAYMENT, TODAY);

        assertThat(d.allowed()).isTrue();
        assertThat(d.identityType()).isEqualTo("TAX_OFFICER");
        assertThat(d.grantId()).isEqualTo(officer.id());
    }

    @Test
    @DisplayName("active without the permission: PERMISSION_NOT_GRANTED")
    void permissionNotGranted() {
        Grant officer = active(IdentityType.TAX_OFFICER, Set.of(TAX_QUERY), null);

        assertThat(ActingPolicy.decide(List.of(officer), INVOICE_ISSUE, TODAY))
                .isEqualTo(ActingDecision.refused(ActingDecision.PERMISSION_NOT_GRANTED));
    }

    @Test
    @DisplayName("frozen since: IDENTITY_FROZEN, even with the permission")
    void frozen() {
        Grant officer = active(IdentityType.TAX_OFFICER, Set.of(TAX_QUERY), null);
        officer.freeze(GrantActor.enterprise(7), NOW, TODAY);

        assertThat(ActingPolicy.decide(List.of(officer), TAX_QUERY, TODAY))
                .isEqualTo(ActingDecision.refused(ActingDecision.IDENTITY_FROZEN));
    }

    @Test
    @DisplayName("expired after its last valid day, pending, or no grant at all: NO_IDENTITY")
    void noIdentity() {
        Grant expiring = active(IdentityType.TAX_OFFICER, Set.of(TAX_QUERY), TODAY);
        Grant pending = Grant.offer(1, holder(), PERSON, IdentityType.INVOICER, Set.of(TAX_QUERY), null,
                GrantActor.enterprise(7), NOW, TODAY);
        identify(pending);

        assertThat(ActingPolicy.decide(List.of(expiring), TAX_QUERY, TODAY).allowed()).as("last valid day").isTrue();
        assertThat(ActingPolicy.decide(List.of(expiring), TAX_QUERY, TODAY.plusDays(1)))
                .isEqualTo(ActingDecision.refused(ActingDecision.NO_IDENTITY));
        assertThat(ActingPolicy.decide(List.of(pending), TAX_QUERY, TODAY))
                .isEqualTo(ActingDecision.refused(ActingDecision.NO_IDENTITY));
        assertThat(ActingPolicy.decide(List.of(), TAX_QUERY, TODAY))
                .isEqualTo(ActingDecision.refused(ActingDecision.NO_IDENTITY));
    }

    @Test
    @DisplayName("AGT-4: an agent of an agency whose mandate is in force acts within its scope cut to his own "
            + "permissions; outside it PERMISSION_NOT_GRANTED; his own grant in the client comes first")
    void agentUnderAMandate() {
        Grant agentGrant = active(IdentityType.TAX_OFFICER, Set.of(TAX_FILING_AND_PAYMENT, TAX_QUERY), null);
        AgencyMandate mandate = mandate(Set.of(TAX_FILING_AND_PAYMENT, INVOICE_ISSUE), TODAY.plusMonths(6));
        java.util.function.Function<Long, List<Grant>> inAgency = agency -> agency == AGENCY ? List.of(agentGrant)
                : List.of();

        ActingDecision filing = ActingPolicy.decide(List.of(), List.of(mandate), inAgency, ASSIGNED_ALL,
                TAX_FILING_AND_PAYMENT, TODAY);
        assertThat(filing).isEqualTo(ActingDecision.allowedAsAgent(agentGrant.id(), mandate.id()));
        assertThat(filing.identityType()).isEqualTo(ActingDecision.AGENT);
        ActingDecision notGranted = ActingDecision.refused(ActingDecision.PERMISSION_NOT_GRANTED);
        ActingDecision none = ActingDecision.refused(ActingDecision.NO_IDENTITY);
        assertThat(ActingPolicy.decide(List.of(), List.of(mandate), inAgency, ASSIGNED_ALL, INVOICE_ISSUE, TODAY))
                .as("in the scope, not his own").isEqualTo(notGranted);
        assertThat(ActingPolicy.decide(List.of(), List.of(mandate), inAgency, ASSIGNED_ALL, TAX_QUERY, TODAY))
                .as("his own, not in the scope").isEqualTo(notGranted);
        assertThat(ActingPolicy.decide(List.of(), List.of(mandate), inAgency, ASSIGNED_ALL, TAX_FILING_AND_PAYMENT,
                TODAY.plusMonths(7))).as("the mandate ended").isEqualTo(none);
        assertThat(ActingPolicy.decide(List.of(), List.of(mandate), agency -> List.of(), ASSIGNED_ALL,
                TAX_FILING_AND_PAYMENT, TODAY)).as("no agent of that agency").isEqualTo(none);

        Grant own = active(IdentityType.INVOICER, Set.of(INVOICE_ISSUE), null);
        assertThat(ActingPolicy.decide(List.of(own), List.of(mandate), inAgency, ASSIGNED_ALL, INVOICE_ISSUE, TODAY))
                .isEqualTo(ActingDecision.allowedBy("INVOICER", own.id()));
        assertThat(ActingPolicy.decide(List.of(own), List.of(mandate), inAgency, ASSIGNED_ALL,
                TAX_FILING_AND_PAYMENT, TODAY))
                .as("not in his own grant, but as the agency's agent").isEqualTo(
                        ActingDecision.allowedAsAgent(agentGrant.id(), mandate.id()));

        agentGrant.freeze(GrantActor.enterprise(7), NOW, TODAY);
        assertThat(ActingPolicy.decide(List.of(), List.of(mandate), inAgency, ASSIGNED_ALL,
                TAX_FILING_AND_PAYMENT, TODAY))
                .as("frozen in the agency").isEqualTo(ActingDecision.refused(ActingDecision.IDENTITY_FROZEN));
    }

    @Test
    @DisplayName("AGT-4 代理人员权限: an agent the agency assigned nothing for this client acts for it with nothing; its "
            + "legal representative needs no assignment")
    void unassignedAgent() {
        Grant officer = active(IdentityType.TAX_OFFICER, Set.of(TAX_FILING_AND_PAYMENT), null);
        Grant legal = Grant.bindLegalRepresentative(AGENCY, holder(), PERSON, NOW);
        identify(legal);
        AgencyMandate mandate = mandate(Set.of(TAX_FILING_AND_PAYMENT), TODAY.plusMonths(6));

        assertThat(ActingPolicy.decide(List.of(), List.of(mandate), agency -> List.of(officer), ASSIGNED_NONE,
                TAX_FILING_AND_PAYMENT, TODAY)).isEqualTo(ActingDecision.refused(ActingDecision.NO_IDENTITY));
        assertThat(ActingPolicy.decide(List.of(), List.of(mandate), agency -> List.of(legal), ASSIGNED_NONE,
                TAX_FILING_AND_PAYMENT, TODAY)).isEqualTo(ActingDecision.allowedAsAgent(legal.id(), mandate.id()));
    }

    @Test
    @DisplayName("AGT-4: a mandate not yet recognised gives nothing")
    void pendingMandate() {
        Grant agentGrant = active(IdentityType.TAX_OFFICER, Set.of(TAX_FILING_AND_PAYMENT), null);
        AgencyMandate pending = AgencyMandate.file(AGENCY, CLIENT, Set.of(TAX_FILING_AND_PAYMENT), TODAY,
                TODAY.plusMonths(1), 7L, NOW, TODAY);

        assertThat(ActingPolicy.decide(List.of(), List.of(pending), agency -> List.of(agentGrant),
                ASSIGNED_ALL, TAX_FILING_AND_PAYMENT, TODAY))
                .isEqualTo(ActingDecision.refused(ActingDecision.NO_IDENTITY));
    }

    private static AgencyMandate mandate(Set<Permission> scope, LocalDate until) {
        AgencyMandate m = AgencyMandate.file(AGENCY, CLIENT, scope, TODAY, until, 7L, NOW, TODAY);
        m.recognise(MandateSide.CLIENT, 8L, NOW, TODAY);
        try {
            Field id = AgencyMandate.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(m, nextId++);
            return m;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Grant active(IdentityType type, Set<Permission> permissions, LocalDate validUntil) {
        Grant g = Grant.offer(1, holder(), PERSON, type, permissions, validUntil, GrantActor.enterprise(7), NOW, TODAY);
        g.confirm(GrantActor.person(PERSON), NOW, TODAY);
        return identify(g);
    }

    private static GrantHolder holder() {
        return new GrantHolder("张*", IdType.RESIDENT_ID_CARD, "digest", "110*************2X");
    }

    /** The id the database would give (sequence), for grants that never see an EntityManager here. */
    private static Grant identify(Grant g) {
        try {
            Field id = Grant.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(g, nextId++);
            return g;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
