package cn.etax.identity.authentication.domain;

/** The multi-step journeys a flow token ties together. */
public enum FlowKind {
    REGISTRATION, PERSON_LOGIN, PASSWORD_RESET, PHONE_RETRIEVAL, ACCOUNT_CHANGE,
    /** LOGIN-2: the person's login steps, then the choice of his identity in the taxpayer the flow remembers. */
    ENTERPRISE_LOGIN,
    /** PER-3: a face check that proves the confirmation of the grants the flow is bound to, and nothing else. */
    GRANT_CONFIRMATION,
    /**
     * LOGIN-6: the key of a tax digital certificate signs the flow's challenge, a tax staff identity of the
     * certificate's taxpayer is chosen, then that person's second factor (RULE-2FA).
     */
    CERTIFICATE_LOGIN,
    /**
     * LOGIN-3: an agent's login steps at the agency the flow remembers, then the choice of the client he enters
     * under one of the agency's mandates.
     */
    AGENT_LOGIN,
    /**
     * LOGIN-3, its certificate variant: the agency's key signs the flow's challenge, one of its agents is chosen, his
     * second factor, then the client as in {@link #AGENT_LOGIN}.
     */
    AGENT_CERTIFICATE,
    /**
     * LOGIN-7: the page shows a QR code; an app whose user is logged in scans and confirms it, and the flow logs in as
     * that person in the app session's business: personal, or his identity in the enterprise it names.
     */
    QR_LOGIN,
    /**
     * LOGIN-4 特定主体: the person's login steps at the taxpayer the flow remembers, then the choice of one of its
     * cross-region subjects of the type the flow remembers.
     */
    SPECIAL_LOGIN,
    /**
     * LOGIN-10 社保费登录: a social-security fee payer's account passed its password, then the code to the payer's
     * phone (unless the payer is exempt).
     */
    FEE_PAYER_LOGIN,
    /** §8 税务人员登录: a clerk's password passed, then the code to his phone (RULE-2FA). */
    CLERK_LOGIN,
    /**
     * LOGIN-11 旧版登录, during the transition only: the taxpayer's old shared enterprise password proves the taxpayer,
     * one of its staff identities is chosen, then that person's second factor — the certificate login's shape.
     */
    LEGACY_LOGIN,
    /**
     * LOGIN-11 旧版代理登录, during the transition only: the agency's old enterprise password proves the agency, one of its
     * agents is chosen, his second factor, then the client he enters — LOGIN-3's certificate variant's shape.
     */
    LEGACY_AGENT,
    /** LOGIN-10: a fee payer identified, then a code to its phone to choose the account's username and password. */
    FEE_PAYER_ACCOUNT,
    /**
     * REG-7 用户注销: not a journey of its own but the purpose of the SMS code that proves a deregistration within an
     * {@link #ACCOUNT_CHANGE} flow. Its text says the account is to be deregistered, and a code asked for another change
     * cannot end the account (ASVS 2.7.3).
     */
    DEREGISTRATION;

    /** The journeys that end in a logged-in session and share the second-factor steps. */
    public boolean isLogin() {
        return this == PERSON_LOGIN || this == QR_LOGIN || isEnterprise();
    }

    /** The journeys whose first factor is a certificate's key (LOGIN-6, and LOGIN-3's certificate variant). */
    public boolean isCertificate() {
        return this == CERTIFICATE_LOGIN || this == AGENT_CERTIFICATE;
    }

    /**
     * The journeys whose first factor proves the taxpayer, not a person (a certificate's key; LOGIN-11's old
     * enterprise password): a staff identity is chosen next, and the second factor is that person's.
     */
    public boolean provesTaxpayerFirst() {
        return isCertificate() || isLegacy();
    }

    /** LOGIN-11's old entries (enterprise and agent), open during the transition only. */
    public boolean isLegacy() {
        return this == LEGACY_LOGIN || this == LEGACY_AGENT;
    }

    /** The agent entry's journeys (LOGIN-3): they end with the client the agent enters. */
    public boolean isAgent() {
        return this == AGENT_LOGIN || this == AGENT_CERTIFICATE || this == LEGACY_AGENT;
    }

    /**
     * The journeys that start at a taxpayer (LOGIN-2, LOGIN-4, LOGIN-6; LOGIN-3 at the agency): logged in the
     * enterprise entry's log of that taxpayer.
     */
    public boolean isEnterprise() {
        return this == ENTERPRISE_LOGIN || this == SPECIAL_LOGIN || provesTaxpayerFirst() || isAgent();
    }
}
