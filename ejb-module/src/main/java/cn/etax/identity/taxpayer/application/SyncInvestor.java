package cn.etax.identity.taxpayer.application;

import java.math.BigDecimal;

/** An investor in a registration message; the document number is kept masked only. */
public record SyncInvestor(String name, String documentType, String documentNumber, BigDecimal sharePercent) {
}
