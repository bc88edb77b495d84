package cn.etax.identity.socialsecurity.application;

import cn.etax.identity.shared.IdType;
import cn.etax.identity.socialsecurity.domain.FeePayerKind;

import java.io.Serializable;

/**
 * LOGIN-10: what the social-security fee collection system says of one fee payer. A unit is named by its credit
 * code ({@code payerNumber}; {@code idType} absent), a natural person by an ID document. {@code purePayer}: a unit
 * that pays social-security fees only (纯社保户); {@code active} false once its fee registration was closed. Applying
 * the same message again changes nothing.
 */
public record FeePayerMessage(FeePayerKind kind, IdType idType, String payerNumber, String name, String phone,
                              Boolean purePayer, Boolean active) implements Serializable {

    /** Left out: not a pure payer, and not active (a message must say a payer is active). */
    public FeePayerMessage {
        purePayer = Boolean.TRUE.equals(purePayer);
        active = Boolean.TRUE.equals(active);
    }
}
