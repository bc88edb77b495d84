package cn.etax.identity.taxpayer.application;

import cn.etax.identity.taxpayer.domain.KeyRole;

import java.time.Instant;

/** API-3 message: the core tax system changed a key person (主要人员变更), effective at {@code effectiveAt}. */
public record KeyPersonnelChange(String messageId, String creditCode, KeyRole role, SyncPerson person,
                                 Instant effectiveAt) {
}
