package cn.etax.identity.registration.application;

import cn.etax.identity.shared.IdType;

import java.io.Serializable;
import java.time.Instant;

/**
 * §8 / API-3 实名采集: a person's identity as a tax office saw it on the document itself — name, ID document (any of
 * the types, the four offline-only ones included), nationality (implied by some types) and the phone collected with
 * it (optional). From the core tax system it also names the office ({@code taxOffice}) and when it was collected
 * ({@code collectedAt}); at this platform's counter both are the clerk's and now.
 */
public record RealNameCollection(String name, IdType idType, String idNumber, String nationality, String phone,
                                 String taxOffice, Instant collectedAt) implements Serializable {
}
