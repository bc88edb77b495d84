package cn.etax.identity.grant.domain;

import cn.etax.identity.shared.DomainException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("ENT-2: a taxpayer's own 权限身份 — a name of 1 to 20 characters, at least one permission, offered to "
        + "an identity type with only what it may hold")
class SavedPermissionTemplateTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void the_name_is_trimmed_and_the_permissions_kept() {
        SavedPermissionTemplate t = SavedPermissionTemplate.create(7, "  财务专岗 ", EnumSet.of(Permission.TAX_QUERY,
                Permission.TAX_REFUND), 3, NOW);
        assertThat(t.name()).isEqualTo("财务专岗");
        assertThat(t.taxpayerId()).isEqualTo(7);
        assertThat(t.permissions()).containsExactlyInAnyOrder(Permission.TAX_QUERY, Permission.TAX_REFUND);
    }

    @Test
    void an_empty_or_blank_name_is_refused() {
        for (String name : new String[]{null, "", "   "}) {
            assertThatThrownBy(() -> SavedPermissionTemplate.create(7, name, Set.of(Permission.TAX_QUERY), 3, NOW))
                    .as("[%s]", name).isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).code()).isEqualTo("PERMISSION_TEMPLATE_NAME_REQUIRED");
        }
    }

    @Test
    void twenty_characters_pass_and_twenty_one_are_refused() {
        String twenty = "发".repeat(20);
        assertThat(SavedPermissionTemplate.create(7, twenty, Set.of(Permission.TAX_QUERY), 3, NOW).name())
                .isEqualTo(twenty);
        assertThatThrownBy(() -> SavedPermissionTemplate.create(7, twenty + "票", Set.of(Permission.TAX_QUERY), 3,
                NOW)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("PERMISSION_TEMPLATE_NAME_TOO_LONG");
    }

    @Test
    void no_permission_is_refused() {
        assertThatThrownBy(() -> SavedPermissionTemplate.create(7, "空", Set.of(), 3, NOW))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("PERMISSIONS_REQUIRED");
        assertThatThrownBy(() -> SavedPermissionTemplate.create(7, "空", null, 3, NOW))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void an_identity_type_is_offered_only_what_it_may_hold() {
        SavedPermissionTemplate t = SavedPermissionTemplate.create(7, "申报加开票", EnumSet.of(
                Permission.TAX_FILING_AND_PAYMENT, Permission.INVOICE_ISSUE, Permission.TAX_REFUND), 3, NOW);
        assertThat(t.permissionsFor(IdentityType.TAX_OFFICER))
                .containsExactlyInAnyOrder(Permission.TAX_FILING_AND_PAYMENT, Permission.INVOICE_ISSUE);
        assertThat(t.permissionsFor(IdentityType.INVOICER)).containsExactly(Permission.INVOICE_ISSUE);

        SavedPermissionTemplate managersOnly = SavedPermissionTemplate.create(7, "退税", EnumSet.of(
                Permission.TAX_REFUND), 3, NOW);
        assertThat(managersOnly.isOfferedTo(IdentityType.TAX_OFFICER)).isFalse();
        assertThat(managersOnly.isOfferedTo(IdentityType.INVOICER)).isFalse();
    }
}
