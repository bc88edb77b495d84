package cn.etax.identity.certificate.application;

import cn.etax.identity.shared.InvalidInputException;

import java.util.Arrays;

/**
 * Rules for a new certificate PIN (ENT-7 修改证书密码: 旧密码, 新密码, 确认新密码). A tax UKey's PIN is 8 to 16 digits
 * or letters (the length the seeds give for passwords, 8-16位); a PIN of one repeated character (the factory PIN
 * 88888888) or a run of consecutive digits (12345678, 87654321) is refused as too easy to guess, and the new PIN must
 * differ from the old one and be entered the same way twice.
 */
public final class CertificatePinPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 16;

    private CertificatePinPolicy() {
    }

    /** Checks the form; the old PIN itself is checked by the key. Nothing here logs or keeps a PIN. */
    public static void check(char[] oldPin, char[] newPin, char[] confirmation) {
        if (oldPin == null || oldPin.length == 0) {
            throw new InvalidInputException("CERTIFICATE_PIN_REQUIRED");
        }
        if (newPin == null || newPin.length == 0) {
            throw new InvalidInputException("CERTIFICATE_NEW_PIN_REQUIRED");
        }
        if (confirmation == null || !Arrays.equals(newPin, confirmation)) {
            throw new InvalidInputException("CERTIFICATE_PIN_MISMATCH");
        }
        if (newPin.length < MIN_LENGTH || newPin.length > MAX_LENGTH || !lettersAndDigits(newPin)) {
            throw new InvalidInputException("CERTIFICATE_PIN_FORMAT", MIN_LENGTH, MAX_LENGTH);
        }
        if (Arrays.equals(oldPin, newPin)) {
            throw new InvalidInputException("CERTIFICATE_PIN_UNCHANGED");
        }
        if (oneCharacter(newPin) || consecutiveDigits(newPin)) {
            throw new InvalidInputException("CERTIFICATE_PIN_TOO_SIMPLE");
        }
    }

    private static boolean lettersAndDigits(char[] pin) {
        for (char c : pin) {
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    private static boolean oneCharacter(char[] pin) {
        for (char c : pin) {
            if (Character.toLowerCase(c) != Character.toLowerCase(pin[0])) {
                return false;
            }
        }
        return true;
    }

    private static boolean consecutiveDigits(char[] pin) {
        boolean up = true;
        boolean down = true;
        for (int i = 0; i < pin.length; i++) {
            if (pin[i] < '0' || pin[i] > '9') {
                return false;
            }
            if (i > 0) {
                up &= pin[i] == pin[i - 1] + 1;
                down &= pin[i] == pin[i - 1] - 1;
            }
        }
        return up || down;
    }
}
