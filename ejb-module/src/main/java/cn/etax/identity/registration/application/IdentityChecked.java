package cn.etax.identity.registration.application;

import cn.etax.identity.shared.Gender;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The identity step of a registration passed: the flow token for the next steps and what was derived from the
 * document (the page shows gender and nationality filled in, REG-1).
 */
public record IdentityChecked(String flowToken, String nameMasked, String idMasked, Gender gender,
                              String nationality, LocalDate birthDate, boolean collectedOffline)
        implements Serializable {
}
