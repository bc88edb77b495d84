package cn.etax.identity.grant.domain;

import java.util.EnumSet;
import java.util.Set;

/** The role a person holds in a taxpayer (身份类型). */
public enum IdentityType {

    /** 法定代表人（业主）: bound by the system at registration (REG-8). */
    LEGAL_REPRESENTATIVE,
    /** 财务负责人: named in the tax registration, confirms his role himself. */
    FINANCE_OFFICER,
    /** 办税员. */
    TAX_OFFICER,
    /** 开票员. */
    INVOICER;

    /** Key personnel come from the tax registration; the account center can neither delete nor freeze them (ENT-4). */
    public boolean isKeyPerson() {
        return this == LEGAL_REPRESENTATIVE || this == FINANCE_OFFICER;
    }

    /** ENT-2: each identity type allows only its permissions. */
    public Set<Permission> allowedPermissions() {
        EnumSet<Permission> allowed = EnumSet.noneOf(Permission.class);
        for (Permission p : Permission.values()) {
            if (p.allows(this)) {
                allowed.add(p);
            }
        }
        return allowed;
    }
}
