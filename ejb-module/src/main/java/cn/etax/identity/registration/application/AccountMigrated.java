package cn.etax.identity.registration.application;

import java.io.Serializable;
import java.util.List;

/**
 * What the migration of one old account did: {@code MIGRATED}, or {@code EXISTS} when an account with the document
 * is already here (registered, migrated before, or deregistered) and nothing was changed. Each phone is
 * {@code ADDED} or {@code HELD_BY_ANOTHER} (a person here proved possession of it: it stays his); the username is
 * {@code SET}, {@code TAKEN} (left out: the person chooses another one later) or {@code NONE}.
 */
public record AccountMigrated(String outcome, String nameMasked, String idMasked, int realNameLevel,
                              List<PhoneOutcome> phones, String usernameOutcome) implements Serializable {

    public record PhoneOutcome(String phoneMasked, String outcome) implements Serializable {
    }
}
