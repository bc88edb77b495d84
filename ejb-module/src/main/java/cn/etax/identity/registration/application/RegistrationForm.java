package cn.etax.identity.registration.application;

import java.io.Serializable;

/** The second page of the registration: password, phone with its SMS code, optional username. */
public record RegistrationForm(String password, String passwordConfirmation, String phone, String smsCode,
                               String username) implements Serializable {
}
