package cn.etax.identity.account.domain;

import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.Gender;
import cn.etax.identity.shared.IdType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Person: phones (RULE-PHONE), username (RULE-USER), level (RULE-RN)")
class PersonTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final Instant now = Instant.parse("2026-11-23T02:00:00Z");

    private Person person() {
        return Person.registered("张三", IdType.RESIDENT_ID_CARD, new ProtectedValue("d", "c", "m"), Gender.FEMALE,
                "CHN", LocalDate.of(1949, 12, 31), false, "hash", 4, now);
    }

    private static void setId(PersonPhone phone, long id) throws ReflectiveOperationException {
        Field f = PersonPhone.class.getDeclaredField("id");
        f.setAccessible(true);
        f.set(phone, id);
    }

    @Test
    void first_phone_is_default_and_default_cannot_be_removed_while_others_exist() throws Exception {
        Person p = person();
        PersonPhone first = p.addPhone(new ProtectedValue("p1", "c1", "138****0001"), now);
        PersonPhone second = p.addPhone(new ProtectedValue("p2", "c2", "139****0002"), now);
        setId(first, 1);
        setId(second, 2);
        assertThat(first.isDefault()).isTrue();
        assertThat(second.isDefault()).isFalse();
        assertThatThrownBy(() -> p.removePhone(1)).isInstanceOf(ConflictException.class);
        p.makeDefault(2);
        p.removePhone(1);
        assertThat(p.phones()).containsExactly(second);
        assertThat(second.isDefault()).isTrue();
    }

    @Test
    void losing_the_default_phone_to_another_person_promotes_the_next_one() {
        Person p = person();
        p.addPhone(new ProtectedValue("p1", "c1", "m1"), now);
        PersonPhone second = p.addPhone(new ProtectedValue("p2", "c2", "m2"), now);
        p.losePhone("p1");
        assertThat(p.phones()).containsExactly(second);
        assertThat(second.isDefault()).isTrue();
    }

    @Test
    void the_same_number_twice_is_refused() {
        Person p = person();
        p.addPhone(new ProtectedValue("p1", "c1", "m1"), now);
        assertThatThrownBy(() -> p.addPhone(new ProtectedValue("p1", "c1", "m1"), now))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("PHONE_ALREADY_YOURS");
    }

    @Test
    void username_changes_once_a_year() {
        Person p = person();
        p.changeUsername("zhangsan01", now, SHANGHAI);
        assertThatThrownBy(() -> p.changeUsername("zhangsan02", now.plusSeconds(86400 * 200L), SHANGHAI))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("USERNAME_CHANGED_RECENTLY");
        p.changeUsername("zhangsan02", now.plusSeconds(86400 * 366L), SHANGHAI);
        assertThat(p.username()).isEqualTo("zhangsan02");
    }

    @Test
    void username_format() {
        Person p = person();
        for (String bad : new String[]{"1abcdef", "abc", "abc_defg", "a".repeat(21), "张三abcdef"}) {
            assertThatThrownBy(() -> p.changeUsername(bad, now, SHANGHAI))
                    .extracting(e -> ((DomainException) e).code()).isEqualTo("USERNAME_INVALID");
        }
    }

    @Test
    void migrated_person_starts_at_level_3_with_initial_password_and_unsigned_agreements() {
        Person p = Person.migrated("李四", IdType.RESIDENT_ID_CARD, new ProtectedValue("d", "c", "m"), Gender.MALE,
                "CHN", null, "hash", now);
        assertThat(p.realNameLevel()).isEqualTo(3);
        assertThat(p.passwordInitial()).isTrue();
        assertThat(p.mustSignAgreements()).isTrue();
        p.passFaceCheck();
        assertThat(p.realNameLevel()).isEqualTo(4);
        p.changePassword("new");
        assertThat(p.passwordInitial()).isFalse();
    }

    @Test
    void email_is_checked() {
        Person p = person();
        assertThatThrownBy(() -> p.changeEmail("not-an-email")).extracting(e -> ((DomainException) e).code())
                .isEqualTo("EMAIL_INVALID");
        p.changeEmail(" zhang@example.com ");
        assertThat(p.email()).isEqualTo("zhang@example.com");
    }

    @Test
    @DisplayName("REG-7: deregistration removes the login data and keeps the real-name data")
    void deregistration_removes_login_data_and_keeps_real_name_data() {
        Person p = person();
        p.addPhone(new ProtectedValue("p1", "c1", "138****0001"), now);
        p.chooseUsername("zhangsan01");
        p.changeEmail("zs@example.cn");
        p.changeAddress("南昌市红谷滩区");
        p.passFaceCheck();

        p.deregister();

        assertThat(p.active()).isFalse();
        assertThat(p.status()).isEqualTo(PersonStatus.DEREGISTERED);
        assertThat(p.phones()).isEmpty();
        assertThat(p.username()).isNull();
        assertThat(p.passwordHash()).isNull();
        assertThat(p.email()).isNull();
        assertThat(p.address()).isNull();
        assertThat(p.name()).isEqualTo("张三");
        assertThat(p.idDigest()).isEqualTo("d");
        assertThat(p.realNameLevel()).isEqualTo(4);
        assertThatThrownBy(p::deregister).isInstanceOf(ConflictException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("ACCOUNT_DEREGISTERED");
    }

    @Test
    @DisplayName("REG-7: registering again revives the same record; an active one cannot be registered again")
    void registering_again_revives_the_record() {
        Person p = person();
        assertThatThrownBy(() -> p.reregister("张三", false, "CHN", "h2", 4, now))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("ALREADY_REGISTERED");
        p.deregister();
        Instant later = now.plusSeconds(86_400);

        p.reregister("张三", true, "CHN", "new-hash", 4, later);

        assertThat(p.active()).isTrue();
        assertThat(p.passwordHash()).isEqualTo("new-hash");
        assertThat(p.passwordInitial()).isFalse();
        assertThat(p.mustSignAgreements()).isFalse();
        assertThat(p.overseas()).isTrue();
        assertThat(p.registeredAt()).isEqualTo(later);
        assertThat(p.realNameLevel()).isEqualTo(4);
    }

    @Test
    @DisplayName("RULE-USER: deregistering and registering again does not reset the once-a-year username change")
    void username_year_survives_registering_again() {
        Person p = person();
        p.changeUsername("zhangsan01", now, SHANGHAI);
        p.deregister();
        p.reregister("张三", false, "CHN", "new-hash", 4, now.plusSeconds(3600));
        p.chooseUsername("zhangsan02");

        assertThatThrownBy(() -> p.changeUsername("zhangsan03", now.plusSeconds(7200), SHANGHAI))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("USERNAME_CHANGED_RECENTLY");
        p.changeUsername("zhangsan03", now.plusSeconds(86400 * 366L), SHANGHAI);
        assertThat(p.username()).isEqualTo("zhangsan03");
    }
}
