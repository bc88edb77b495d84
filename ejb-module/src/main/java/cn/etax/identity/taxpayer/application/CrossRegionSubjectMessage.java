package cn.etax.identity.taxpayer.application;

import cn.etax.identity.crossregion.domain.CrossRegionKind;

import java.time.LocalDate;

/**
 * API-3, LOGIN-4: a cross-region tax matter reported here (跨区域涉税事项报验, {@code kind} INSPECTION, by its
 * management number) or a cross-region tax-source registration (TAX_SOURCE, by its registration number) of a
 * registered taxpayer: where (province, city, district, competent tax authority), the handler its report form names
 * (经办人 name and phone), the period, and whether it was closed (核销). A later message about the same number
 * replaces what an earlier one said.
 */
public record CrossRegionSubjectMessage(String messageId, CrossRegionKind kind, String number, String creditCode,
                                        String province, String city, String district, String taxAuthority,
                                        String handlerName, String handlerPhone, LocalDate validFrom,
                                        LocalDate validUntil, Boolean closed) {

    /** Left out: not closed. */
    public CrossRegionSubjectMessage {
        closed = Boolean.TRUE.equals(closed);
    }
}
