package cn.etax.identity.authentication.domain;

/** QR check states: PENDING → SCANNED → CONFIRMED | FAILED | CANCELLED, and EXPIRED by time. */
public enum QrState {
    PENDING, SCANNED, CONFIRMED, FAILED, CANCELLED, EXPIRED
}
