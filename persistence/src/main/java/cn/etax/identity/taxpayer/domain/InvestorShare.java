package cn.etax.identity.taxpayer.domain;

import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.RequiredText;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** An investor as a registration names it, the document already masked. */
public record InvestorShare(String name, String documentType, String documentMasked, BigDecimal sharePercent) {

    public InvestorShare {
        name = RequiredText.of(name, 200, "INVESTOR_INVALID");
        if (sharePercent != null && (sharePercent.signum() < 0 || sharePercent.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new InvalidInputException("INVESTOR_INVALID");
        }
        if (sharePercent != null && sharePercent.scale() > 4) {
            throw new InvalidInputException("INVESTOR_INVALID"); // the column keeps four decimals
        }
        documentType = RequiredText.optional(documentType, 40);
        documentMasked = RequiredText.optional(documentMasked, 40);
    }

    /** The shares together: at most 100 %, else {@code INVESTOR_SHARES_OVER_100}. */
    public static void requireWhole(List<InvestorShare> investors) {
        BigDecimal sum = investors.stream().map(InvestorShare::sharePercent).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidInputException("INVESTOR_SHARES_OVER_100");
        }
    }
}
