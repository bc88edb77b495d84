package cn.etax.identity.account.application;

import cn.etax.identity.shared.IdType;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * PER-7: one document of the account, masked (RULE-MASK). {@code registered}: the document the person registered
 * with (no id, no validity recorded); else an added one. A null {@code validUntil} of an added one is long-term.
 */
public record DocumentView(Long id, IdType idType, String idMasked, boolean registered, LocalDate validFrom,
                           LocalDate validUntil) implements Serializable {
}
