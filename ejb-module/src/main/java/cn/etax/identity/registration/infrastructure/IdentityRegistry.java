package cn.etax.identity.registration.infrastructure;

import cn.etax.identity.shared.IdDocument;

/**
 * Port to the public-security identity check (公安身份核验, RULE-RN level 3): does a person of this name hold this
 * document? Implementations throw {@link cn.etax.identity.shared.ServiceBusyException} when the registry does not
 * answer in time.
 */
public interface IdentityRegistry {

    enum Verdict { MATCH, NAME_MISMATCH, NOT_FOUND }

    Verdict check(String name, IdDocument document);

    String name();
}
