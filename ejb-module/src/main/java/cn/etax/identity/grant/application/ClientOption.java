package cn.etax.identity.grant.application;

import cn.etax.identity.grant.domain.Permission;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;

/**
 * LOGIN-3, AGT-3: a client the agent may enter — a mandate of his agency in force today, the client's name masked,
 * and what he may do there (the mandate's scope cut to his own permissions in the agency).
 */
public record ClientOption(long mandateId, String creditCode, String nameMasked, LocalDate validUntil,
                           Set<Permission> permissions) implements Serializable {

    public ClientOption {
        permissions = Set.copyOf(permissions);
    }
}
