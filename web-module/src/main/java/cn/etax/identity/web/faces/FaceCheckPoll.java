package cn.etax.identity.web.faces;

import cn.etax.identity.authentication.domain.QrState;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.DomainException;

import java.util.function.Supplier;

/**
 * One poll of a page that shows a QR code for a face check in the tax app or the IIT app (every two seconds, by
 * {@code p:poll}): a confirmed check runs the page's action at once, a failed or expired one is told to the person.
 * The page stops showing the QR code when this answers true.
 */
public final class FaceCheckPoll {

    private FaceCheckPoll() {
    }

    /** As {@link #poll(Supplier, Runnable, String)} with the account center's "QR code expired" message. */
    public static boolean poll(Supplier<QrState> state, Runnable onConfirmed) {
        return poll(state, onConfirmed, "account.qr.expired");
    }

    /**
     * Reads the check's state and acts on it; a refusal of the service (also from {@code onConfirmed}) is shown.
     * Answers whether the QR code is done with: confirmed, failed, expired, cancelled or refused.
     */
    public static boolean poll(Supplier<QrState> state, Runnable onConfirmed, String expiredKey) {
        try {
            switch (state.get()) {
                case CONFIRMED -> onConfirmed.run();
                case FAILED -> FacesSupport.error(new AuthenticationFailedException("FACE_CHECK_FAILED"));
                case EXPIRED, CANCELLED -> FacesSupport.info(expiredKey);
                default -> {
                    return false;
                }
            }
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
        return true;
    }
}
