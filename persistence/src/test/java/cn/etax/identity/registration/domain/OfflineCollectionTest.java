package cn.etax.identity.registration.domain;

import cn.etax.identity.registration.domain.OfflineCollection.Outcome;
import cn.etax.identity.shared.IdType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** §8 / API-3 real-name collections: a later (or as late) one replaces, an older one or the same again changes nothing. */
class OfflineCollectionTest {

    private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");

    private static OfflineCollection collected() {
        return new OfflineCollection("John Smith", IdType.FOREIGN_PASSPORT, "doc", "phone-a", "USA", "东湖区税务局", AT);
    }

    @Test
    @DisplayName("the same collection again, at the same time or later, is UNCHANGED")
    void same_again() {
        OfflineCollection c = collected();
        assertThat(c.recollect("John Smith", "phone-a", "USA", "东湖区税务局", AT)).isEqualTo(Outcome.UNCHANGED);
        assertThat(c.recollect("John Smith", "phone-a", "USA", "西湖区税务局", AT.plusSeconds(60)))
                .isEqualTo(Outcome.UNCHANGED);
        assertThat(c.collectedAt()).isEqualTo(AT);
    }

    @Test
    @DisplayName("a later collection with a new phone replaces the record; the registrant's old phone no longer counts")
    void later_replaces() {
        OfflineCollection c = collected();
        assertThat(c.recollect("John Smith", "phone-b", "USA", "西湖区税务局", AT.plusSeconds(60)))
                .isEqualTo(Outcome.APPLIED);
        assertThat(c.collectedPhone("phone-b")).isTrue();
        assertThat(c.collectedPhone("phone-a")).isFalse();
        assertThat(c.taxOffice()).isEqualTo("西湖区税务局");
        assertThat(c.collectedAt()).isEqualTo(AT.plusSeconds(60));
    }

    @Test
    @DisplayName("another collection of the same moment is applied: the last word counts")
    void same_moment_other_content_applies() {
        OfflineCollection c = collected();
        assertThat(c.recollect("John Smith", null, "USA", "西湖区税务局", AT)).isEqualTo(Outcome.APPLIED);
        assertThat(c.collectedPhone("phone-a")).isFalse();
    }

    @Test
    @DisplayName("an older collection arriving late is STALE and changes nothing")
    void older_is_stale() {
        OfflineCollection c = collected();
        assertThat(c.recollect("Jon Smith", null, "USA", "西湖区税务局", AT.minusSeconds(60))).isEqualTo(Outcome.STALE);
        assertThat(c.matchesName("John Smith")).isTrue();
        assertThat(c.collectedPhone("phone-a")).isTrue();
    }
}
