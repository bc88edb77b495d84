package cn.etax.identity.grant.domain;

import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Agency mandate (代理委托): ENT-8 recognition, AGT-4 scope and period")
class AgencyMandateTest {

    static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final Set<Permission> FILING = EnumSet.of(Permission.TAX_FILING_AND_PAYMENT, Permission.TAX_QUERY);

    static AgencyMandate filed(LocalDate from, LocalDate until) {
        return AgencyMandate.file(10L, 20L, FILING, from, until, 7L, AT, TODAY);
    }

    static AgencyMandate recognised() {
        AgencyMandate m = filed(TODAY, TODAY.plusYears(1));
        m.recognise(MandateSide.CLIENT, 8L, AT, TODAY);
        return m;
    }

    @Test
    @DisplayName("a filed mandate waits for the client; recognised, it is in force within its period only")
    void recognitionAndPeriod() {
        AgencyMandate m = filed(TODAY.plusDays(3), TODAY.plusDays(30));
        assertThat(m.state(TODAY)).isEqualTo(MandateState.PENDING);
        assertThat(m.isInForce(TODAY)).isFalse();
        m.recognise(MandateSide.CLIENT, 8L, AT, TODAY);
        assertThat(m.state(TODAY)).isEqualTo(MandateState.RECOGNISED);
        assertThat(m.changedBy()).isEqualTo(8L);
        assertThat(m.changedSide()).isEqualTo(MandateSide.CLIENT);
        assertThat(m.isInForce(TODAY)).as("not yet begun").isFalse();
        assertThat(m.isInForce(TODAY.plusDays(3))).isTrue();
        assertThat(m.isInForce(TODAY.plusDays(30))).as("last day included").isTrue();
        assertThat(m.isInForce(TODAY.plusDays(31))).isFalse();
        assertThat(m.state(TODAY.plusDays(31))).isEqualTo(MandateState.EXPIRED);
        assertThat(m.isLive(TODAY.plusDays(31))).isFalse();
    }

    @Test
    @DisplayName("only the client recognises or declines, only the agency withdraws, and only while pending")
    void sides() {
        assertThatThrownBy(() -> filed(TODAY, TODAY).recognise(MandateSide.AGENCY, 7L, AT, TODAY))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("MANDATE_CLIENT_SIDE_ONLY");
        assertThatThrownBy(() -> filed(TODAY, TODAY).withdraw(MandateSide.CLIENT, 8L, AT, TODAY))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("MANDATE_AGENCY_SIDE_ONLY");
        AgencyMandate declined = filed(TODAY, TODAY);
        declined.decline(MandateSide.CLIENT, 8L, AT, TODAY);
        assertThat(declined.state(TODAY)).isEqualTo(MandateState.DECLINED);
        assertThatThrownBy(() -> declined.recognise(MandateSide.CLIENT, 8L, AT, TODAY))
                .isInstanceOf(ConflictException.class).hasMessageContaining("MANDATE_NOT_PENDING");
        AgencyMandate withdrawn = filed(TODAY, TODAY);
        withdrawn.withdraw(MandateSide.AGENCY, 7L, AT, TODAY);
        assertThat(withdrawn.state(TODAY)).isEqualTo(MandateState.WITHDRAWN);
        assertThat(withdrawn.isLive(TODAY)).isFalse();
        AgencyMandate expired = filed(TODAY, TODAY);
        assertThatThrownBy(() -> expired.recognise(MandateSide.CLIENT, 8L, AT, TODAY.plusDays(1)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("MANDATE_EXPIRED");
    }

    @Test
    @DisplayName("either side cancels a recognised mandate; a pending one is withdrawn or declined instead")
    void cancel() {
        AgencyMandate byClient = recognised();
        byClient.cancel(MandateSide.CLIENT, 8L, AT);
        assertThat(byClient.state(TODAY)).isEqualTo(MandateState.CANCELLED);
        assertThat(byClient.isInForce(TODAY)).isFalse();
        AgencyMandate byAgency = recognised();
        byAgency.cancel(MandateSide.AGENCY, 7L, AT);
        assertThat(byAgency.changedSide()).isEqualTo(MandateSide.AGENCY);
        assertThatThrownBy(() -> byAgency.cancel(MandateSide.CLIENT, 8L, AT))
                .isInstanceOf(ConflictException.class).hasMessageContaining("MANDATE_NOT_RECOGNISED");
        assertThatThrownBy(() -> filed(TODAY, TODAY).cancel(MandateSide.CLIENT, 8L, AT))
                .isInstanceOf(ConflictException.class).hasMessageContaining("MANDATE_NOT_RECOGNISED");
    }

    @Test
    @DisplayName("filing refuses an empty or undelegable scope, a missing, reversed or past period and the agency itself")
    void filingRefusals() {
        LocalDate until = TODAY.plusDays(10);
        assertRefused(() -> AgencyMandate.file(10L, 10L, FILING, TODAY, until, 7L, AT, TODAY), "MANDATE_CLIENT_SELF");
        assertRefused(() -> AgencyMandate.file(10L, 20L, Set.of(), TODAY, until, 7L, AT, TODAY),
                "MANDATE_SCOPE_REQUIRED");
        assertRefused(() -> AgencyMandate.file(10L, 20L, EnumSet.of(Permission.ACCOUNT_MANAGEMENT), TODAY, until, 7L,
                AT, TODAY), "MANDATE_PERMISSION_NOT_DELEGABLE");
        assertRefused(() -> AgencyMandate.file(10L, 20L, EnumSet.of(Permission.AGENCY_MANAGEMENT), TODAY, until, 7L,
                AT, TODAY), "MANDATE_PERMISSION_NOT_DELEGABLE");
        assertRefused(() -> AgencyMandate.file(10L, 20L, FILING, null, until, 7L, AT, TODAY), "MANDATE_PERIOD_REQUIRED");
        assertRefused(() -> AgencyMandate.file(10L, 20L, FILING, until, TODAY, 7L, AT, TODAY), "MANDATE_PERIOD_INVALID");
        assertRefused(() -> AgencyMandate.file(10L, 20L, FILING, TODAY.minusDays(9), TODAY.minusDays(1), 7L, AT, TODAY),
                "MANDATE_PERIOD_IN_PAST");
    }

    @Test
    @DisplayName("AGT-4: an agent acts with the mandate's scope cut to his own permissions in the agency")
    void agentPermissions() {
        AgencyMandate m = recognised();
        assertThat(m.permissionsFor(EnumSet.allOf(Permission.class))).isEqualTo(FILING);
        assertThat(m.permissionsFor(EnumSet.of(Permission.TAX_QUERY, Permission.INVOICE_ISSUE)))
                .containsExactly(Permission.TAX_QUERY);
        assertThat(m.permissionsFor(EnumSet.of(Permission.INVOICE_ISSUE))).isEmpty();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOf(DomainException.class).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(code);
    }
}
