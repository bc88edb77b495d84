package cn.etax.identity.grant.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("ENT-2: permission templates offer only what the identity type may hold")
class PermissionTemplateTest {

    @Test
    void full_is_everything_the_type_allows() {
        for (IdentityType type : IdentityType.values()) {
            assertThat(PermissionTemplate.FULL.permissionsFor(type)).as(type.name())
                    .isEqualTo(type.allowedPermissions());
        }
    }

    @Test
    void an_invoicer_gets_no_filing_or_selection() {
        assertThat(PermissionTemplate.INVOICE.permissionsFor(IdentityType.INVOICER))
                .containsExactlyInAnyOrder(Permission.INVOICE_USE, Permission.INVOICE_ISSUE, Permission.TAX_QUERY);
        assertThat(PermissionTemplate.DECLARATION.permissionsFor(IdentityType.INVOICER))
                .containsExactlyInAnyOrder(Permission.TAX_QUERY, Permission.TAX_INFO_QUERY)
                .doesNotContain(Permission.TAX_FILING_AND_PAYMENT);
    }

    @Test
    void no_template_gives_staff_a_managers_permission() {
        for (PermissionTemplate t : PermissionTemplate.values()) {
            for (IdentityType type : new IdentityType[]{IdentityType.TAX_OFFICER, IdentityType.INVOICER}) {
                assertThat(t.permissionsFor(type)).as(t + " for " + type)
                        .doesNotContain(Permission.ACCOUNT_MANAGEMENT, Permission.AGENCY_MANAGEMENT,
                                Permission.TAX_REFUND);
                assertThat(type.allowedPermissions()).containsAll(t.permissionsFor(type));
                assertThat(t.isOfferedTo(type)).isTrue();
            }
        }
    }
}
