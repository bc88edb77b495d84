package cn.etax.identity.taxpayer.application;

import cn.etax.identity.taxpayer.domain.TaxpayerKind;
import cn.etax.identity.taxpayer.domain.VatQualification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * API-3 message: a taxpayer registered in the core tax system (新办纳税人/信息确认). {@code occurredAt} is when the
 * core system registered it; it orders later key-personnel changes.
 */
public record TaxpayerRegistration(String messageId, String creditCode, String name, TaxpayerKind kind,
                                   String taxAuthorityCode, String taxAuthorityName, String provinceCode,
                                   String provinceName, String registrationType, String industry,
                                   VatQualification vatQualification, String businessAddress, LocalDate registeredOn,
                                   Instant occurredAt, SyncPerson legalRepresentative, SyncPerson financeOfficer,
                                   List<SyncInvestor> investors) {
}
