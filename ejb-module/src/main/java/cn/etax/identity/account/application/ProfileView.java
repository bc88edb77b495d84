package cn.etax.identity.account.application;

import cn.etax.identity.shared.Gender;
import cn.etax.identity.shared.IdType;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** The personal information page (PER-1/ENT-6), every personal field masked (RULE-MASK). */
public record ProfileView(long personId, String nameMasked, IdType idType, String idMasked, Gender gender,
                          String nationality, String birthDateMasked, String username, String emailMasked,
                          String addressMasked, int realNameLevel, int completeness, List<PhoneView> phones,
                          boolean usernameChangeAllowed, LocalDate usernameNextChange) implements Serializable {

    public record PhoneView(long id, String masked, boolean isDefault) implements Serializable {
    }
}
