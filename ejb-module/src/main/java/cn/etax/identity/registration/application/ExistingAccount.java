package cn.etax.identity.registration.application;

import cn.etax.identity.shared.IdType;

import java.io.Serializable;
import java.util.List;

/**
 * API-3: a natural-person account of the old electronic tax bureau, as its data migration sends it — name, ID
 * document (any type: the old system collected the offline-only ones at its counters), nationality (implied by some
 * types), its phones (the first is the default), username and email if it had them, and its real-name level (3, or
 * 4 when the old system had verified the face; 3 when left out). No password: a migrated account logs in first with
 * the initial password, the last six characters of the ID number (RULE-PWD).
 */
public record ExistingAccount(String name, IdType idType, String idNumber, String nationality, List<String> phones,
                              String username, String email, Integer realNameLevel) implements Serializable {
}
