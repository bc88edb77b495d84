package cn.etax.identity.account.web;

import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FacesSupport;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The "eye" of an account-center page (RULE-MASK): a first click asks the service for the clear value (the service
 * records the reveal), a second masks it again without asking. Shared by the personal and the enterprise pages.
 */
final class Eye implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> revealed = new HashMap<>();

    void toggle(String key, Supplier<String> reveal) {
        if (revealed.remove(key) != null) {
            return;
        }
        try {
            revealed.put(key, reveal.get());
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    boolean isShown(String key) {
        return revealed.containsKey(key);
    }

    /** The clear value when revealed, else the masked one. */
    String value(String key, String masked) {
        return revealed.getOrDefault(key, masked);
    }

    void clear() {
        revealed.clear();
    }
}
