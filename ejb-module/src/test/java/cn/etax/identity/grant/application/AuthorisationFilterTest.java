package cn.etax.identity.grant.application;

import cn.etax.identity.grant.domain.GrantParty;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.IdentityType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("PER-3 / PER-4 filters: 本省/全国, credit code, taxpayer name, identity type")
class AuthorisationFilterTest {

    static AuthorisationView in(String province) {
        return new AuthorisationView(1L, "91360100MA35XXXX7C", "南昌软件有限公司", province, "江西省",
                IdentityType.TAX_OFFICER, GrantState.PENDING, GrantParty.ENTERPRISE, Set.of(), null, null, null);
    }

    @Test
    @DisplayName("本省 keeps only the home province; 全国 keeps all")
    void scope() {
        AuthorisationFilter province = new AuthorisationFilter(false, null, null, null);
        assertThat(province.accepts(in("36"), "36")).isTrue();
        assertThat(province.accepts(in("43"), "36")).isFalse();
        assertThat(AuthorisationFilter.NATIONWIDE.accepts(in("43"), "36")).isTrue();
    }

    @Test
    @DisplayName("credit code and name match by fragment, case-insensitively; the type exactly")
    void fragments_and_type() {
        assertThat(new AuthorisationFilter(true, "ma35", null, null).accepts(in("36"), "36")).isTrue();
        assertThat(new AuthorisationFilter(true, "9144", null, null).accepts(in("36"), "36")).isFalse();
        assertThat(new AuthorisationFilter(true, null, "软件", null).accepts(in("36"), "36")).isTrue();
        assertThat(new AuthorisationFilter(true, null, "贸易", null).accepts(in("36"), "36")).isFalse();
        assertThat(new AuthorisationFilter(true, " ", " ", IdentityType.TAX_OFFICER).accepts(in("36"), "36"))
                .isTrue();
        assertThat(new AuthorisationFilter(true, null, null, IdentityType.INVOICER).accepts(in("36"), "36"))
                .isFalse();
    }
}
