package cn.etax.identity.clerk.domain;

/**
 * What a tax-office clerk may do at the counter (§8). Every clerk also holds the container role {@link #CLERK};
 * each value below is a container role of its own, checked by {@code @RolesAllowed} on the EJB methods.
 */
public enum ClerkRole {

    /** 登记岗: taxpayer registration (新办纳税人信息确认) and key-personnel changes (主要人员变更). */
    CLERK_REGISTRATION,
    /** 授权岗: offline add and removal of staff relationships (线下办理办税人员授权). */
    CLERK_GRANTS,
    /**
     * 账户管理岗: the clerk accounts of his province — creates them, sets their duties and phones, resets their
     * passwords, unlocks, stops and restarts them. Holds no counter duty by itself.
     */
    CLERK_ADMIN;

    /** The container role of every logged-in clerk; never held together with {@code PERSON}. */
    public static final String CLERK = "CLERK";
    public static final String REGISTRATION = "CLERK_REGISTRATION";
    public static final String GRANTS = "CLERK_GRANTS";
    public static final String ADMIN = "CLERK_ADMIN";
}
