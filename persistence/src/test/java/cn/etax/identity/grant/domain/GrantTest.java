package cn.etax.identity.grant.domain;

import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.InvalidInputException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import static cn.etax.identity.grant.domain.GrantState.ACTIVE;
import static cn.etax.identity.grant.domain.GrantState.DELETED;
import static cn.etax.identity.grant.domain.GrantState.EXPIRED;
import static cn.etax.identity.grant.domain.GrantState.FROZEN;
import static cn.etax.identity.grant.domain.GrantState.PENDING;
import static cn.etax.identity.grant.domain.GrantState.REJECTED;
import static cn.etax.identity.grant.domain.GrantState.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Grant (人企关联) state machine: ENT-2..ENT-5, PER-2..PER-5, REG-8")
class GrantTest {

    static final Instant AT = Instant.parse("2026-11-02T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 2);
    static final GrantHolder HOLDER = new GrantHolder("周**", IdType.RESIDENT_ID_CARD, "d1", "110*************2X");
    static final GrantActor BOSS = GrantActor.enterprise(1L);
    static final GrantActor STAFF = GrantActor.person(7L);
    static final Set<Permission> INVOICING = EnumSet.of(Permission.INVOICE_ISSUE, Permission.TAX_QUERY);

    static Grant offeredByEnterprise(IdentityType type, LocalDate until) {
        return Grant.offer(100L, HOLDER, 7L, type, type == IdentityType.INVOICER ? INVOICING
                : EnumSet.of(Permission.TAX_FILING_AND_PAYMENT), until, BOSS, AT, TODAY);
    }

    static Grant activeTaxOfficer() {
        Grant g = offeredByEnterprise(IdentityType.TAX_OFFICER, null);
        g.confirm(STAFF, AT, TODAY);
        return g;
    }

    static Grant financeOfficerActive() {
        Grant g = Grant.offer(100L, HOLDER, 7L, IdentityType.FINANCE_OFFICER,
                IdentityType.FINANCE_OFFICER.allowedPermissions(), null, GrantActor.SYSTEM, AT, TODAY);
        g.confirm(STAFF, AT, TODAY);
        return g;
    }

    static void refused(ThrowingCallable call, Class<? extends DomainException> type, String code) {
        assertThatThrownBy(call).isInstanceOf(type).extracting(e -> ((DomainException) e).code()).isEqualTo(code);
    }

    @Nested
    @DisplayName("pending")
    class Pending {

        @Test
        void an_enterprise_offer_is_confirmed_by_the_person_and_the_history_shows_both_steps() {
            Grant g = offeredByEnterprise(IdentityType.TAX_OFFICER, null);
            assertThat(g.state(TODAY)).isEqualTo(PENDING);
            assertThat(g.initiator()).isEqualTo(GrantParty.ENTERPRISE);
            g.confirm(STAFF, AT.plusSeconds(60), TODAY);
            assertThat(g.state(TODAY)).isEqualTo(ACTIVE);
            assertThat(g.isEffective(TODAY)).isTrue();
            assertThat(g.history()).extracting(GrantHistory::fromState, GrantHistory::toState, GrantHistory::side)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(null, PENDING, GrantParty.ENTERPRISE),
                            org.assertj.core.groups.Tuple.tuple(PENDING, ACTIVE, GrantParty.PERSON));
            assertThat(g.history().get(1).actorId()).isEqualTo(7L);
        }

        @Test
        void the_offering_side_cannot_confirm_its_own_offer() {
            refused(() -> offeredByEnterprise(IdentityType.TAX_OFFICER, null).confirm(BOSS, AT, TODAY),
                    ForbiddenException.class, "GRANT_OTHER_SIDE_ANSWERS");
            Grant applied = Grant.offer(100L, HOLDER, 7L, IdentityType.TAX_OFFICER,
                    EnumSet.of(Permission.TAX_QUERY), null, STAFF, AT, TODAY);
            refused(() -> applied.confirm(STAFF, AT, TODAY), ForbiddenException.class, "GRANT_OTHER_SIDE_ANSWERS");
            applied.confirm(BOSS, AT, TODAY);
            assertThat(applied.state(TODAY)).isEqualTo(ACTIVE);
        }

        @Test
        void a_holder_who_has_not_registered_cannot_confirm() {
            Grant g = Grant.offer(100L, HOLDER, null, IdentityType.FINANCE_OFFICER,
                    IdentityType.FINANCE_OFFICER.allowedPermissions(), null, GrantActor.SYSTEM, AT, TODAY);
            refused(() -> g.confirm(STAFF, AT, TODAY), ConflictException.class, "HOLDER_NOT_REGISTERED");
            g.attachPerson(7L);
            g.confirm(STAFF, AT, TODAY);
            assertThat(g.personId()).isEqualTo(7L);
            assertThat(g.state(TODAY)).isEqualTo(ACTIVE);
        }

        @Test
        void the_person_rejects_and_the_grant_is_over() {
            Grant g = offeredByEnterprise(IdentityType.INVOICER, null);
            g.reject(STAFF, AT, TODAY);
            assertThat(g.state(TODAY)).isEqualTo(REJECTED);
            assertThat(REJECTED.isTerminal()).isTrue();
            refused(() -> g.confirm(STAFF, AT, TODAY), ConflictException.class, "GRANT_NOT_PENDING");
            refused(() -> g.withdraw(BOSS, AT, TODAY), ConflictException.class, "GRANT_NOT_PENDING");
            refused(() -> g.delete(BOSS, AT, TODAY), ConflictException.class, "GRANT_NOT_ACTIVE");
        }

        @Test
        void only_the_offering_side_withdraws() {
            Grant g = offeredByEnterprise(IdentityType.INVOICER, null);
            refused(() -> g.withdraw(STAFF, AT, TODAY), ForbiddenException.class, "GRANT_WITHDRAW_OWN_ONLY");
            g.withdraw(BOSS, AT, TODAY);
            assertThat(g.state(TODAY)).isEqualTo(WITHDRAWN);
            refused(() -> g.reject(STAFF, AT, TODAY), ConflictException.class, "GRANT_NOT_PENDING");
        }

        @Test
        void a_tax_office_offer_cannot_be_withdrawn_online() {
            Grant g = Grant.offer(100L, HOLDER, 7L, IdentityType.TAX_OFFICER, EnumSet.of(Permission.TAX_QUERY),
                    null, GrantActor.taxOffice(900L), AT, TODAY);
            refused(() -> g.withdraw(BOSS, AT, TODAY), ForbiddenException.class, "GRANT_WITHDRAW_OFFLINE_ONLY");
            refused(() -> g.withdraw(STAFF, AT, TODAY), ForbiddenException.class, "GRANT_WITHDRAW_OFFLINE_ONLY");
            g.withdraw(GrantActor.taxOffice(900L), AT, TODAY);
            assertThat(g.state(TODAY)).isEqualTo(WITHDRAWN);
        }

        @Test
        void the_system_withdraws_a_pending_finance_officer_grant() {
            Grant g = Grant.offer(100L, HOLDER, null, IdentityType.FINANCE_OFFICER,
                    IdentityType.FINANCE_OFFICER.allowedPermissions(), null, GrantActor.SYSTEM, AT, TODAY);
            g.withdraw(GrantActor.SYSTEM, AT, TODAY);
            assertThat(g.state(TODAY)).isEqualTo(WITHDRAWN);
        }

        @Test
        void permissions_must_be_allowed_for_the_identity_type_and_not_empty() {
            refused(() -> Grant.offer(100L, HOLDER, 7L, IdentityType.INVOICER,
                    EnumSet.of(Permission.TAX_FILING_AND_PAYMENT), null, BOSS, AT, TODAY),
                    InvalidInputException.class, "PERMISSION_NOT_ALLOWED");
            refused(() -> Grant.offer(100L, HOLDER, 7L, IdentityType.TAX_OFFICER,
                    EnumSet.of(Permission.ACCOUNT_MANAGEMENT), null, BOSS, AT, TODAY),
                    InvalidInputException.class, "PERMISSION_NOT_ALLOWED");
            refused(() -> Grant.offer(100L, HOLDER, 7L, IdentityType.TAX_OFFICER, Set.of(), null, BOSS, AT, TODAY),
                    InvalidInputException.class, "PERMISSIONS_REQUIRED");
        }

        @Test
        void a_validity_date_in_the_past_is_refused() {
            refused(() -> offeredByEnterprise(IdentityType.TAX_OFFICER, TODAY.minusDays(1)),
                    InvalidInputException.class, "GRANT_VALIDITY_IN_PAST");
        }
    }

    @Nested
    @DisplayName("active and frozen")
    class ActiveAndFrozen {

        @Test
        void the_enterprise_freezes_and_unfreezes_a_tax_officer() {
            Grant g = activeTaxOfficer();
            g.freeze(BOSS, AT, TODAY);
            assertThat(g.state(TODAY)).isEqualTo(FROZEN);
            assertThat(g.isEffective(TODAY)).isFalse();
            refused(() -> g.freeze(BOSS, AT, TODAY), ConflictException.class, "GRANT_NOT_ACTIVE");
            g.unfreeze(BOSS, AT, TODAY);
            assertThat(g.state(TODAY)).isEqualTo(ACTIVE);
            refused(() -> g.unfreeze(BOSS, AT, TODAY), ConflictException.class, "GRANT_NOT_FROZEN");
            assertThat(g.history()).extracting(GrantHistory::toState).containsExactly(PENDING, ACTIVE, FROZEN, ACTIVE);
        }

        @Test
        void the_person_cannot_freeze_himself_or_change_his_permissions() {
            Grant g = activeTaxOfficer();
            refused(() -> g.freeze(STAFF, AT, TODAY), ForbiddenException.class, "GRANT_ENTERPRISE_SIDE_ONLY");
            refused(() -> g.changePermissions(EnumSet.of(Permission.TAX_QUERY), STAFF, AT, TODAY),
                    ForbiddenException.class, "GRANT_ENTERPRISE_SIDE_ONLY");
        }

        @Test
        void key_personnel_cannot_be_frozen_deleted_or_restricted_from_the_account_center() {
            Grant legal = Grant.bindLegalRepresentative(100L, HOLDER, 7L, AT);
            Grant finance = financeOfficerActive();
            for (Grant g : new Grant[]{legal, finance}) {
                refused(() -> g.freeze(BOSS, AT, TODAY), ForbiddenException.class, "GRANT_KEY_PERSON_NOT_FREEZABLE");
                refused(() -> g.delete(BOSS, AT, TODAY), ForbiddenException.class, "GRANT_KEY_PERSON_NOT_DELETABLE");
                refused(() -> g.changePermissions(EnumSet.of(Permission.TAX_QUERY), BOSS, AT, TODAY),
                        ForbiddenException.class, "GRANT_KEY_PERSON_PERMISSIONS_FIXED");
            }
        }

        @Test
        void the_legal_representative_is_bound_active_by_the_system_with_every_permission() {
            Grant g = Grant.bindLegalRepresentative(100L, HOLDER, null, AT);
            assertThat(g.state(TODAY)).isEqualTo(ACTIVE);
            assertThat(g.initiator()).isEqualTo(GrantParty.SYSTEM);
            assertThat(g.validUntil()).isNull();
            assertThat(g.permissions()).containsExactlyInAnyOrder(Permission.values());
            assertThat(g.history()).singleElement().satisfies(h -> {
                assertThat(h.fromState()).isNull();
                assertThat(h.toState()).isEqualTo(ACTIVE);
                assertThat(h.side()).isEqualTo(GrantParty.SYSTEM);
            });
        }

        @Test
        void a_person_ends_his_own_staff_relationship_but_not_that_of_legal_representative() {
            Grant g = activeTaxOfficer();
            g.delete(STAFF, AT, TODAY);
            assertThat(g.state(TODAY)).isEqualTo(DELETED);
            Grant legal = Grant.bindLegalRepresentative(100L, HOLDER, 7L, AT);
            refused(() -> legal.delete(STAFF, AT, TODAY), ForbiddenException.class,
                    "GRANT_LEGAL_REPRESENTATIVE_NOT_DELETABLE");
            legal.delete(GrantActor.SYSTEM, AT, TODAY);
            assertThat(legal.state(TODAY)).isEqualTo(DELETED);
        }

        @Test
        void the_enterprise_deletes_a_frozen_staff_member() {
            Grant g = activeTaxOfficer();
            g.freeze(BOSS, AT, TODAY);
            g.delete(BOSS, AT, TODAY);
            assertThat(g.state(TODAY)).isEqualTo(DELETED);
            refused(() -> g.unfreeze(BOSS, AT, TODAY), ConflictException.class, "GRANT_NOT_FROZEN");
        }

        @Test
        void permissions_change_within_the_catalogue_and_leave_a_history_row() {
            Grant g = activeTaxOfficer();
            g.changePermissions(EnumSet.of(Permission.TAX_QUERY, Permission.INVOICE_ISSUE), BOSS, AT, TODAY);
            assertThat(g.permissions()).containsExactlyInAnyOrder(Permission.TAX_QUERY, Permission.INVOICE_ISSUE);
            assertThat(g.history()).last().satisfies(h -> {
                assertThat(h.fromState()).isEqualTo(ACTIVE);
                assertThat(h.toState()).isEqualTo(ACTIVE);
                assertThat(h.note()).contains("INVOICE_ISSUE");
            });
            refused(() -> g.changePermissions(EnumSet.of(Permission.TAX_REFUND), BOSS, AT, TODAY),
                    InvalidInputException.class, "PERMISSION_NOT_ALLOWED");
        }
    }

    @Nested
    @DisplayName("expiry")
    class Expiry {

        @Test
        void a_grant_expires_by_itself_after_its_last_valid_day() {
            Grant g = offeredByEnterprise(IdentityType.TAX_OFFICER, TODAY.plusDays(10));
            g.confirm(STAFF, AT, TODAY);
            assertThat(g.state(TODAY.plusDays(10))).isEqualTo(ACTIVE);
            assertThat(g.state(TODAY.plusDays(11))).isEqualTo(EXPIRED);
            assertThat(g.isEffective(TODAY.plusDays(11))).isFalse();
            assertThat(g.storedState()).isEqualTo(ACTIVE);
        }

        @Test
        void an_expired_grant_can_no_longer_be_confirmed_frozen_or_changed_but_can_be_deleted() {
            Grant pending = offeredByEnterprise(IdentityType.TAX_OFFICER, TODAY);
            refused(() -> pending.confirm(STAFF, AT, TODAY.plusDays(1)), ConflictException.class, "GRANT_EXPIRED");
            Grant active = offeredByEnterprise(IdentityType.TAX_OFFICER, TODAY);
            active.confirm(STAFF, AT, TODAY);
            refused(() -> active.freeze(BOSS, AT, TODAY.plusDays(1)), ConflictException.class, "GRANT_EXPIRED");
            refused(() -> active.changePermissions(INVOICING, BOSS, AT, TODAY.plusDays(1)), ConflictException.class,
                    "GRANT_EXPIRED");
            active.delete(BOSS, AT, TODAY.plusDays(1));
            assertThat(active.state(TODAY.plusDays(1))).isEqualTo(DELETED);
            Grant bySystem = offeredByEnterprise(IdentityType.TAX_OFFICER, TODAY);
            bySystem.confirm(STAFF, AT, TODAY);
            bySystem.delete(GrantActor.SYSTEM, AT, TODAY.plusDays(1));
            assertThat(bySystem.state(TODAY.plusDays(1))).isEqualTo(DELETED);
        }

        @Test
        void a_terminal_grant_is_never_shown_as_expired() {
            Grant g = offeredByEnterprise(IdentityType.TAX_OFFICER, TODAY);
            g.withdraw(BOSS, AT, TODAY);
            assertThat(g.state(TODAY.plusYears(1))).isEqualTo(WITHDRAWN);
        }
    }

    @Test
    void a_grant_attached_to_one_person_is_never_moved_to_another() {
        Grant g = offeredByEnterprise(IdentityType.TAX_OFFICER, null);
        refused(() -> g.attachPerson(8L), ConflictException.class, "GRANT_HOLDER_MISMATCH");
        g.attachPerson(7L);
    }

    @Nested
    @DisplayName("clear record (RULE-LOG, ENT-5, PER-5)")
    class ClearRecord {

        @Test
        @DisplayName("an ended grant is hidden for the asking side only")
        void hides_for_one_side() {
            Grant g = activeTaxOfficer();
            g.delete(BOSS, AT, TODAY);
            g.hideFromHistory(GrantParty.ENTERPRISE);
            assertThat(g.isHiddenFor(GrantParty.ENTERPRISE)).isTrue();
            assertThat(g.isHiddenFor(GrantParty.PERSON)).isFalse();
            assertThat(g.storedState()).isEqualTo(DELETED);
            assertThat(g.history()).extracting(GrantHistory::toState).containsExactly(PENDING, ACTIVE, DELETED);
        }

        @Test
        @DisplayName("a running grant cannot be cleared")
        void running_grant_is_not_cleared() {
            refused(() -> activeTaxOfficer().hideFromHistory(GrantParty.PERSON), ConflictException.class,
                    "GRANT_NOT_ENDED");
        }
    }

    @Nested
    @DisplayName("offline grants added at a tax office (§8, ENT-3)")
    class Offline {

        static final GrantActor CLERK = GrantActor.taxOffice(900L);

        Grant offline() {
            return Grant.grantOffline(100L, HOLDER, 7L, IdentityType.TAX_OFFICER,
                    EnumSet.of(Permission.TAX_FILING_AND_PAYMENT, Permission.TAX_QUERY), null, CLERK, AT, TODAY);
        }

        @Test
        @DisplayName("pending until the person confirms, origin tax office, one history row naming the clerk")
        void pending_until_confirmed() {
            Grant g = offline();
            assertThat(g.storedState()).isEqualTo(PENDING);
            assertThat(g.isEffective(TODAY)).isFalse();
            assertThat(g.initiator()).isEqualTo(GrantParty.TAX_OFFICE);
            assertThat(g.isOffline()).isTrue();
            assertThat(g.history()).singleElement().satisfies(h -> {
                assertThat(h.toState()).isEqualTo(PENDING);
                assertThat(h.side()).isEqualTo(GrantParty.TAX_OFFICE);
                assertThat(h.actorId()).isEqualTo(900L);
            });
            refused(() -> g.confirm(BOSS, AT, TODAY), ForbiddenException.class, "GRANT_OTHER_SIDE_ANSWERS");
            g.confirm(STAFF, AT, TODAY);
            assertThat(g.isEffective(TODAY)).isTrue();
        }

        @Test
        @DisplayName("while pending nobody withdraws it online, only a tax office; in force, it is deleted like any staff")
        void withdrawn_only_at_the_office_deleted_online() {
            Grant g = offline();
            refused(() -> g.withdraw(BOSS, AT, TODAY), ForbiddenException.class, "GRANT_WITHDRAW_OFFLINE_ONLY");
            refused(() -> g.withdraw(STAFF, AT, TODAY), ForbiddenException.class, "GRANT_WITHDRAW_OFFLINE_ONLY");
            assertThat(g.storedState()).isEqualTo(PENDING);
            g.withdraw(CLERK, AT, TODAY);
            assertThat(g.storedState()).isEqualTo(WITHDRAWN);

            Grant confirmed = offline();
            confirmed.confirm(STAFF, AT, TODAY);
            confirmed.delete(BOSS, AT, TODAY);
            assertThat(confirmed.storedState()).isEqualTo(DELETED);
            assertThat(confirmed.history()).extracting(GrantHistory::toState)
                    .containsExactly(PENDING, ACTIVE, DELETED);
        }

        @Test
        @DisplayName("only a tax office grants offline; the permission catalogue and validity still apply")
        void checked_like_any_grant() {
            refused(() -> Grant.grantOffline(100L, HOLDER, 7L, IdentityType.TAX_OFFICER,
                    EnumSet.of(Permission.TAX_QUERY), null, BOSS, AT, TODAY), ForbiddenException.class,
                    "GRANT_TAX_OFFICE_ONLY");
            refused(() -> Grant.grantOffline(100L, HOLDER, 7L, IdentityType.INVOICER,
                    EnumSet.of(Permission.TAX_REFUND), null, CLERK, AT, TODAY), InvalidInputException.class,
                    "PERMISSION_NOT_ALLOWED");
            refused(() -> Grant.grantOffline(100L, HOLDER, 7L, IdentityType.INVOICER,
                    EnumSet.of(Permission.TAX_QUERY), TODAY.minusDays(1), CLERK, AT, TODAY),
                    InvalidInputException.class, "GRANT_VALIDITY_IN_PAST");
        }
    }

    @Nested
    @DisplayName("同步数据 (PER-4)")
    class Sync {

        @Test
        @DisplayName("a relationship in force (active or frozen) records when it was pushed; its state does not move")
        void in_force_is_synced() {
            Grant g = activeTaxOfficer();
            int rows = g.history().size();
            g.markSynced(AT.plusSeconds(60), TODAY);
            assertThat(g.syncedAt()).isEqualTo(AT.plusSeconds(60));
            assertThat(g.storedState()).isEqualTo(ACTIVE);
            assertThat(g.history()).hasSize(rows);
            g.freeze(BOSS, AT, TODAY);
            g.markSynced(AT.plusSeconds(120), TODAY);
            assertThat(g.syncedAt()).isEqualTo(AT.plusSeconds(120));
        }

        @Test
        @DisplayName("pending, ended and expired relationships are not pushed")
        void others_are_refused() {
            Grant pending = offeredByEnterprise(IdentityType.TAX_OFFICER, null);
            refused(() -> pending.markSynced(AT, TODAY), ConflictException.class, "GRANT_NOT_ACTIVE");
            Grant deleted = activeTaxOfficer();
            deleted.delete(STAFF, AT, TODAY);
            refused(() -> deleted.markSynced(AT, TODAY), ConflictException.class, "GRANT_NOT_ACTIVE");
            Grant shortLived = offeredByEnterprise(IdentityType.TAX_OFFICER, TODAY);
            shortLived.confirm(STAFF, AT, TODAY);
            refused(() -> shortLived.markSynced(AT, TODAY.plusDays(1)), ConflictException.class, "GRANT_EXPIRED");
            assertThat(pending.syncedAt()).isNull();
        }
    }
}
