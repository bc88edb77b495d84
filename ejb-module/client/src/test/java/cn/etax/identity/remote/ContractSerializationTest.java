package cn.etax.identity.remote;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API-1/API-2 contract: every result survives serialization with what the integrator reads from it, and carries no
 * field the GlassFish ORB cannot write on Java 17 (records, java.time values, JDK-internal immutable collections).
 */
class ContractSerializationTest {

    @Test
    void resultsKeepTheirValuesAcrossTheWire() throws Exception {
        StaffMember staff = roundTrip(new StaffMember(7, 50L, "张*", "110*************2X", "TAX_OFFICER",
                List.of("TAX_QUERY", "INVOICE_USE"), LocalDate.of(2027, 3, 31)));
        AuthorisedEnterprise enterprise = roundTrip(new AuthorisedEnterprise(8, "91360100M000100Y43", "江西****公司",
                "36", "LEGAL_REPRESENTATIVE", List.of("TAX_REFUND"), null));
        Instant at = Instant.parse("2026-11-23T10:15:30.123Z");
        CurrentIdentity identity = roundTrip(new CurrentIdentity(50, "张*", 4,
                new CurrentIdentity.Taxpayer("91360100M000100Y43", "江西****公司", "36"), "LEGAL_REPRESENTATIVE", 8L,
                List.of("TAX_REFUND"), at));
        ActingDecision refused = roundTrip(ActingDecision.refused(ActingDecision.IDENTITY_FROZEN));
        IdentityReference reference = roundTrip(IdentityReference.forTaxpayer(50, "91360100M000100Y43", "INVOICER"));

        assertThat(staff.validUntil()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(staff.permissions()).containsExactly("TAX_QUERY", "INVOICE_USE");
        assertThat(enterprise.validUntil()).as("long term").isNull();
        assertThat(identity.asOf()).isEqualTo(at);
        assertThat(identity.taxpayer().name()).isEqualTo("江西****公司");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.reason()).isEqualTo("IDENTITY_FROZEN");
        assertThat(reference).isEqualTo(IdentityReference.forTaxpayer(50, "91360100M000100Y43", "INVOICER"));
    }

    @Test
    void noFieldTheOrbCannotCarry() {
        for (Class<?> type : List.of(StaffMember.class, AuthorisedEnterprise.class, CurrentIdentity.class,
                CurrentIdentity.Taxpayer.class, ActingDecision.class, IdentityReference.Personal.class,
                IdentityReference.ForTaxpayer.class, IdentityQueryException.class)) {
            assertThat(type.isRecord()).as("%s is a record", type).isFalse();
            for (Field f : type.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                assertThat(f.getType().getName()).as("%s.%s", type.getSimpleName(), f.getName())
                        .doesNotStartWith("java.time.").isNotEqualTo("java.util.List");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Serializable> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
