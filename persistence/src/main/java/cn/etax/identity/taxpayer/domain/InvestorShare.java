package cn.etax.identity.taxpayer.domain;

import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.RequiredText;

import java.math.BigDecimal;

/** An investor as a registration names it, the document already masked. */
public record InvestorShare(String name, String documentType, String documentMasked, BigDecimal sharePercent) {

    public InvestorShare {
        name = RequiredText.of(name, 200, "INVESTOR_INVALID");
        if (sharePercent != null && (sharePercent.signum() < 0 || sharePercent.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new InvalidInputException("INVESTOR_INVALID");
        }
        documentType = documentType == null || documentType.isBlank() ? null : documentType.strip();
        if (documentType != null && documentType.length() > 40) {
            throw new InvalidInputException("INVESTOR_INVALID");
        }
    }
}
