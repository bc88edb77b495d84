package cn.etax.identity.account.application;

import cn.etax.identity.shared.IdType;

import java.io.Serializable;
import java.time.LocalDate;

/** PER-7 新增证件: name, document type and number, validity (证件有效期起止; no {@code validUntil}: long-term). */
public record DocumentForm(String name, IdType idType, String idNumber, LocalDate validFrom, LocalDate validUntil)
        implements Serializable {
}
