package cn.etax.identity.account.application;

import cn.etax.identity.authentication.domain.LoginRecord;

/** ENT-10: one login through the enterprise entry, with the person's masked name (RULE-MASK) and whether it is the viewer's. */
public record EnterpriseLogin(LoginRecord record, String personNameMasked, boolean own) {
}
