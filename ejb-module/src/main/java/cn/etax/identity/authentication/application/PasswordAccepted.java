package cn.etax.identity.authentication.application;

import java.io.Serializable;

/**
 * The password step passed: the flow token for the second factor, the masked phone the SMS goes to (empty when
 * the person has no phone and must use a QR check or retrieve the phone), and the masked name.
 */
public record PasswordAccepted(String flowToken, String phoneMasked, String nameMasked) implements Serializable {

    public boolean smsAvailable() {
        return phoneMasked != null && !phoneMasked.isEmpty();
    }
}
