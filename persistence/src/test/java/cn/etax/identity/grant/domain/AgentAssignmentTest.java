package cn.etax.identity.grant.domain;

import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.IdType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import static cn.etax.identity.grant.domain.Permission.INVOICE_ISSUE;
import static cn.etax.identity.grant.domain.Permission.TAX_FILING_AND_PAYMENT;
import static cn.etax.identity.grant.domain.Permission.TAX_QUERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("AGT-4 代理人员权限: what one agent may do for one client")
class AgentAssignmentTest {

    private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final long AGENCY = 10L;
    private static final GrantHolder HOLDER = new GrantHolder("李*", IdType.RESIDENT_ID_CARD, "digest",
            "110*************2X");
    private static long nextId = 500;

    @Test
    @DisplayName("assigned within the scope and his own permissions; the agency's key personnel need none")
    void permissions_per_client() {
        AgencyMandate m = mandate(EnumSet.of(TAX_FILING_AND_PAYMENT, INVOICE_ISSUE));
        Grant officer = agent(IdentityType.TAX_OFFICER, EnumSet.of(TAX_FILING_AND_PAYMENT, TAX_QUERY));

        assertThat(m.permissionsFor(officer.identityType(), officer.permissions(), null)).as("not assigned").isEmpty();
        AgentAssignment a = AgentAssignment.assign(m, officer, Set.of(TAX_FILING_AND_PAYMENT), 7L, AT, TODAY);
        assertThat(m.permissionsFor(officer.identityType(), officer.permissions(), a.permissions()))
                .containsExactly(TAX_FILING_AND_PAYMENT);
        assertThat(m.permissionsFor(IdentityType.LEGAL_REPRESENTATIVE, EnumSet.allOf(Permission.class), null))
                .as("key personnel: the whole scope").containsExactlyInAnyOrder(TAX_FILING_AND_PAYMENT, INVOICE_ISSUE);
    }

    @Test
    @DisplayName("refused: beyond the scope or his own permissions, nothing, a key person, another agency's staff, "
            + "a mandate that ended")
    void refusals() {
        AgencyMandate m = mandate(EnumSet.of(TAX_FILING_AND_PAYMENT, INVOICE_ISSUE));
        Grant officer = agent(IdentityType.TAX_OFFICER, EnumSet.of(TAX_FILING_AND_PAYMENT, TAX_QUERY));

        assertCode(() -> AgentAssignment.assign(m, officer, Set.of(INVOICE_ISSUE), 7L, AT, TODAY),
                "AGENT_PERMISSION_NOT_ALLOWED");
        assertCode(() -> AgentAssignment.assign(m, officer, Set.of(TAX_QUERY), 7L, AT, TODAY),
                "AGENT_PERMISSION_NOT_ALLOWED");
        assertCode(() -> AgentAssignment.assign(m, officer, Set.of(), 7L, AT, TODAY), "PERMISSIONS_REQUIRED");
        Grant legal = identify(Grant.bindLegalRepresentative(AGENCY, HOLDER, 8L, AT));
        assertCode(() -> AgentAssignment.assign(m, legal, Set.of(TAX_FILING_AND_PAYMENT), 7L, AT, TODAY),
                "AGENT_KEY_PERSON_NOT_ASSIGNED");
        Grant elsewhere = identify(confirmed(Grant.offer(99L, HOLDER, 9L, IdentityType.TAX_OFFICER,
                EnumSet.of(TAX_FILING_AND_PAYMENT), null, GrantActor.enterprise(7), AT, TODAY)));
        assertCode(() -> AgentAssignment.assign(m, elsewhere, Set.of(TAX_FILING_AND_PAYMENT), 7L, AT, TODAY),
                "AGENT_NOT_OF_AGENCY");
        m.cancel(MandateSide.CLIENT, 8L, AT);
        assertCode(() -> AgentAssignment.assign(m, officer, Set.of(TAX_FILING_AND_PAYMENT), 7L, AT, TODAY),
                "MANDATE_NOT_LIVE");
    }

    private static AgencyMandate mandate(Set<Permission> scope) {
        AgencyMandate m = AgencyMandate.file(AGENCY, 20L, scope, TODAY, TODAY.plusYears(1), 7L, AT, TODAY);
        m.recognise(MandateSide.CLIENT, 8L, AT, TODAY);
        return identify(m, AgencyMandate.class);
    }

    private static Grant agent(IdentityType type, Set<Permission> permissions) {
        return identify(confirmed(Grant.offer(AGENCY, HOLDER, 9L, type, permissions, null, GrantActor.enterprise(7),
                AT, TODAY)));
    }

    private static Grant confirmed(Grant g) {
        g.confirm(GrantActor.person(9L), AT, TODAY);
        return g;
    }

    private static Grant identify(Grant g) {
        return identify(g, Grant.class);
    }

    private static <T> T identify(T entity, Class<T> type) {
        try {
            Field id = type.getDeclaredField("id");
            id.setAccessible(true);
            id.set(entity, nextId++);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo(code));
    }
}
