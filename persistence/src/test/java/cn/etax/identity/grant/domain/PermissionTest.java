package cn.etax.identity.grant.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("ENT-2: the permission catalogue, each identity type allowing only its permissions")
class PermissionTest {

    @Test
    void key_personnel_hold_every_permission_by_default() {
        assertThat(IdentityType.LEGAL_REPRESENTATIVE.allowedPermissions()).containsExactlyInAnyOrder(Permission.values());
        assertThat(IdentityType.FINANCE_OFFICER.allowedPermissions()).containsExactlyInAnyOrder(Permission.values());
        assertThat(IdentityType.LEGAL_REPRESENTATIVE.isKeyPerson()).isTrue();
        assertThat(IdentityType.FINANCE_OFFICER.isKeyPerson()).isTrue();
        assertThat(IdentityType.TAX_OFFICER.isKeyPerson()).isFalse();
    }

    @Test
    void only_key_personnel_manage_staff_and_agencies_or_claim_refunds() {
        for (Permission p : new Permission[]{Permission.ACCOUNT_MANAGEMENT, Permission.AGENCY_MANAGEMENT,
                Permission.TAX_REFUND}) {
            assertThat(p.allows(IdentityType.TAX_OFFICER)).as(p.name()).isFalse();
            assertThat(p.allows(IdentityType.INVOICER)).as(p.name()).isFalse();
        }
    }

    @Test
    void a_tax_officer_files_returns_and_invoices() {
        assertThat(IdentityType.TAX_OFFICER.allowedPermissions()).contains(Permission.TAX_FILING_AND_PAYMENT,
                Permission.INVOICE_ISSUE, Permission.CERTIFICATE_ISSUE).doesNotContain(Permission.ACCOUNT_MANAGEMENT);
    }

    @Test
    void an_invoicer_only_uses_and_issues_invoices_and_queries() {
        assertThat(IdentityType.INVOICER.allowedPermissions()).containsExactlyInAnyOrder(Permission.INVOICE_USE,
                Permission.INVOICE_ISSUE, Permission.TAX_QUERY, Permission.TAX_INFO_QUERY);
    }

    @Test
    void the_catalogue_is_a_dozen_permissions_each_held_by_someone_besides_key_personnel_or_not() {
        assertThat(Permission.values()).hasSizeGreaterThanOrEqualTo(12);
        for (Permission p : Permission.values()) {
            assertThat(p.allows(IdentityType.LEGAL_REPRESENTATIVE)).as(p.name()).isTrue();
        }
    }
}
