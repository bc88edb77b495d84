package cn.etax.identity.taxpayer.domain;

import cn.etax.identity.shared.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("PER-3/PER-4 本省: a taxpayer's province is a GB/T 2260 province under its own name")
class RegionTest {

    @Test
    @DisplayName("the code's official name is accepted, surrounding blanks dropped")
    void official_name() {
        Region r = new Region(" 36 ", " 江西省 ");
        assertThat(r.provinceCode()).isEqualTo("36");
        assertThat(r.provinceName()).isEqualTo("江西省");
        assertThat(new Region("65", "新疆维吾尔自治区").provinceName()).isEqualTo("新疆维吾尔自治区");
    }

    @Test
    @DisplayName("another province's name, or a short form, is refused naming the code's province")
    void mismatched_name() {
        assertThatThrownBy(() -> new Region("36", "湖南省")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    InvalidInputException i = (InvalidInputException) e;
                    assertThat(i.code()).isEqualTo("PROVINCE_NAME_MISMATCH");
                    assertThat(i.arguments()).containsExactly("36", "江西省");
                });
        assertThatThrownBy(() -> new Region("36", "江西")).hasFieldOrPropertyWithValue("code",
                "PROVINCE_NAME_MISMATCH");
    }

    @Test
    @DisplayName("a two-digit code that is no province (39, 99) is unknown; a malformed one is invalid")
    void unknown_or_malformed_code() {
        for (String code : new String[] {"39", "99", "72"}) {
            assertThatThrownBy(() -> new Region(code, "江西省")).hasFieldOrPropertyWithValue("code",
                    "PROVINCE_UNKNOWN");
        }
        for (String code : new String[] {"3", "360", "0x", "", "06"}) {
            assertThatThrownBy(() -> new Region(code, "江西省")).hasFieldOrPropertyWithValue("code",
                    "REGION_INVALID");
        }
    }

    @Test
    @DisplayName("the table holds the 34 province-level divisions, and names lead back to codes")
    void table() {
        assertThat(Provinces.all()).hasSize(34).containsEntry("11", "北京市").containsEntry("82", "澳门特别行政区");
        assertThat(Provinces.code("湖南省")).contains("43");
        assertThat(Provinces.code("江西")).isEmpty();
    }
}
