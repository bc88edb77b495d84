package cn.etax.identity.grant.infrastructure;

/**
 * The core tax system (金税) as the receiver of relationships (人企关联): PER-4 "同步数据" pushes a person's relationship
 * with a taxpayer again, for the cases the seeds describe where the business systems do not see it yet. The inbound
 * direction (registrations, key-personnel changes) is the sync API (API-3). A production adapter is a CDI bean with
 * the {@code @Production} qualifier.
 */
public interface CoreTaxSystem {

    /**
     * Delivers the relationship as it stands now; throws {@code ServiceBusyException("CORE_TAX_SYSTEM_BUSY")} when
     * the core system does not take it, so the caller's transaction records nothing as pushed.
     */
    void pushRelationship(RelationshipRecord record);

    /** For the start-up log. */
    String name();
}
