package cn.etax.identity.taxpayer.application;

import cn.etax.identity.taxpayer.domain.SyncMessage;

/** The answer to a sync message, the same for every copy of it. */
public record SyncAnswer(String messageId, String creditCode, SyncMessage.Kind kind, SyncMessage.Outcome outcome) {

    static SyncAnswer of(SyncMessage m) {
        return new SyncAnswer(m.messageId(), m.creditCode(), m.kind(), m.outcome());
    }
}
