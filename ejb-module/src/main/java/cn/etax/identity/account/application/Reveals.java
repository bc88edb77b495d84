package cn.etax.identity.account.application;

import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.shared.application.ClientContext;

/**
 * RULE-MASK "every reveal is recorded": one audit record per field shown in clear, the same for a person's own data
 * (PER-1) and an enterprise's (ENT-1), so that one query finds who saw what.
 */
final class Reveals {

    static final String ACTION = "FIELD_REVEALED";

    private Reveals() {
    }

    static void record(AuditService audit, long viewerId, String target, String field, ClientContext client) {
        audit.record(viewerId, ACTION, target, field, client);
    }
}
