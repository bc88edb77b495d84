package cn.etax.identity.registration.application;

import cn.etax.identity.registration.domain.OfflineCollection;

import java.io.Serializable;

/**
 * What recording a real-name collection did (APPLIED, UNCHANGED or STALE, see {@link OfflineCollection#recollect}),
 * for whom (masked), and whether the document already belongs to a registered account (then the collection only
 * serves a later registration with another document type or a re-registration).
 */
public record RealNameCollected(String outcome, String nameMasked, String documentMasked, String idType,
                                boolean registered) implements Serializable {
}
