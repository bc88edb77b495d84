package cn.etax.identity.taxpayer.application;

import cn.etax.identity.shared.CreditCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("LOGIN-5: non-resident enterprise identity codes pass the credit code's own check")
class NonResidentCodeTest {

    @Test
    void issued_codes_are_valid_unified_codes_of_the_province_and_differ() {
        Random random = new Random(42);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = NonResidentService.code("36", random);
            assertThat(code).hasSize(18).startsWith("Y1360000");
            assertThat(CreditCode.isValid(code)).as(code).isTrue();
            assertThat(CreditCode.of(code).form()).isEqualTo(CreditCode.Form.UNIFIED);
            seen.add(code);
        }
        assertThat(seen).hasSizeGreaterThan(990);
        String code = NonResidentService.code("36", random);
        char wrong = code.charAt(17) == '0' ? '1' : '0';
        assertThat(CreditCode.isValid(code.substring(0, 17) + wrong)).as("one changed check character").isFalse();
    }
}
