package cn.etax.identity.taxpayer.application;

import cn.etax.identity.shared.IdType;

/** A person as the core tax system names him: name and document. */
public record SyncPerson(String name, IdType idType, String idNumber) {
}
