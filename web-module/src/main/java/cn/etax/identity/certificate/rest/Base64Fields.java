package cn.etax.identity.certificate.rest;

import cn.etax.identity.shared.InvalidInputException;

import java.util.Base64;

/** Binary JSON fields are standard Base64; a malformed one is the caller's input error with the field's own code. */
public final class Base64Fields {

    private Base64Fields() {
    }

    public static byte[] decode(String value, String code) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(code);
        }
        try {
            return Base64.getMimeDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(code);
        }
    }

    public static String encode(byte[] value) {
        return Base64.getEncoder().encodeToString(value);
    }
}
