package cn.etax.identity.grant.application;

import java.io.Serializable;

/**
 * A QR face check opened to prove a confirmation: {@code proofToken} names the proof (handed back with the
 * confirmation), {@code qrToken} the code the tax app or IIT app scans.
 */
public record ConfirmationFaceCheck(String proofToken, String qrToken) implements Serializable {
}
