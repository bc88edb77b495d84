package cn.etax.identity.earit;

import cn.etax.identity.remote.ActingDecision;
import cn.etax.identity.remote.AuthorisedEnterprise;
import cn.etax.identity.remote.CurrentIdentity;
import cn.etax.identity.remote.CurrentIdentityLookup;
import cn.etax.identity.remote.GrantQueries;
import cn.etax.identity.remote.IdentityQueryException;
import cn.etax.identity.remote.IdentityReference;
import cn.etax.identity.remote.Integrators;
import cn.etax.identity.remote.StaffMember;
import jakarta.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * API-1/API-2 over IIOP: an integrator's standalone client calls the remote views in the EAR with the credentials of
 * the file-realm user the setup script created; what it gets agrees with what the person sees through REST. Calls
 * without credentials or with a wrong password are refused by the container.
 */
class RemoteEjbIT {

    private static String code;
    private static long zhangSan;
    private static long liSi;

    @BeforeAll
    static void fixtures() {
        code = Enterprises.zhangSansCompany();
        zhangSan = personId(Browser.ZHANG_SAN_PHONE, Browser.ZHANG_SAN_PASSWORD);
        liSi = ItDatabase.fromEnvironment().personIdByName("李四");
    }

    @AfterEach
    void anonymousAgain() {
        IntegratorClient.logout();
    }

    @Test
    @DisplayName("API-1 ENT-4: the taxpayer's active staff: 张三 as legal representative with every permission, masked;"
            + " the pending finance officer is not staff yet")
    void activeStaff() throws IdentityQueryException {
        IntegratorClient.login(EarServer.INTEGRATOR, EarServer.INTEGRATOR_PASSWORD);

        List<StaffMember> staff = grants().activeStaff(code);

        assertThat(staff).hasSize(1);
        StaffMember legal = staff.get(0);
        assertThat(legal.personId()).isEqualTo(zhangSan);
        assertThat(legal.identityType()).isEqualTo("LEGAL_REPRESENTATIVE");
        assertThat(legal.name()).isEqualTo("张*");
        assertThat(legal.idNumber()).isEqualTo("110*************2X");
        assertThat(legal.permissions()).contains("TAX_FILING_AND_PAYMENT", "TAX_REFUND", "ACCOUNT_MANAGEMENT");
    }

    @Test
    @DisplayName("API-1 PER-4: 张三's authorised enterprises include the company, the same as his REST grant list")
    void authorisedEnterprises() throws IdentityQueryException {
        IntegratorClient.login(EarServer.INTEGRATOR, EarServer.INTEGRATOR_PASSWORD);

        List<AuthorisedEnterprise> enterprises = grants().authorisedEnterprises(zhangSan);

        assertThat(enterprises).filteredOn(e -> e.creditCode().equals(code)).singleElement()
                .satisfies(e -> {
                    assertThat(e.identityType()).isEqualTo("LEGAL_REPRESENTATIVE");
                    assertThat(e.provinceCode()).isEqualTo("36");
                    assertThat(e.taxpayerName()).startsWith("江西").endsWith("公司").contains("*");
                });
        assertThat(grants().authorisedEnterprises(liSi)).as("李四 holds no grant in the company")
                .noneMatch(e -> e.creditCode().equals(code));
        assertThatThrownBy(() -> grants().authorisedEnterprises(Long.MAX_VALUE))
                .isInstanceOfSatisfying(IdentityQueryException.class,
                        e -> assertThat(e.code()).isEqualTo("PERSON_NOT_FOUND"));
    }

    @Test
    @DisplayName("API-1: may act — 张三 may claim refunds for the company; 李四 has no identity there; unknown"
            + " permission and taxpayer are refused with the REST codes")
    void mayAct() throws IdentityQueryException {
        IntegratorClient.login(EarServer.INTEGRATOR, EarServer.INTEGRATOR_PASSWORD);

        ActingDecision legal = grants().mayAct(zhangSan, code, "TAX_REFUND");
        ActingDecision stranger = grants().mayAct(liSi, code, "TAX_QUERY");

        assertThat(legal.allowed()).isTrue();
        assertThat(legal.identityType()).isEqualTo("LEGAL_REPRESENTATIVE");
        assertThat(legal.grantId()).isNotNull();
        assertThat(stranger.allowed()).isFalse();
        assertThat(stranger.reason()).isEqualTo(ActingDecision.NO_IDENTITY);
        assertThatThrownBy(() -> grants().mayAct(zhangSan, code, "FLY_TO_THE_MOON"))
                .isInstanceOfSatisfying(IdentityQueryException.class,
                        e -> assertThat(e.code()).isEqualTo("PERMISSION_UNKNOWN"));
        assertThatThrownBy(() -> grants().mayAct(zhangSan, Enterprises.newCreditCode(), "TAX_QUERY"))
                .isInstanceOfSatisfying(IdentityQueryException.class,
                        e -> assertThat(e.code()).isEqualTo("TAXPAYER_NOT_FOUND"));
    }

    @Test
    @DisplayName("API-2: current identity of 张三 for the company and on his own; a person without an identity there"
            + " is refused")
    void currentIdentity() throws IdentityQueryException {
        IntegratorClient.login(EarServer.INTEGRATOR, EarServer.INTEGRATOR_PASSWORD);
        CurrentIdentityLookup lookup = IntegratorClient.lookup(Integrators.CURRENT_IDENTITY_LOOKUP,
                CurrentIdentityLookup.class);

        CurrentIdentity forCompany = lookup.lookup(IdentityReference.forTaxpayer(zhangSan, code));
        CurrentIdentity personal = lookup.lookup(IdentityReference.personal(zhangSan));

        assertThat(forCompany.personName()).isEqualTo("张*");
        assertThat(forCompany.realNameLevel()).isEqualTo(4);
        assertThat(forCompany.taxpayer().creditCode()).isEqualTo(code);
        assertThat(forCompany.identityType()).isEqualTo("LEGAL_REPRESENTATIVE");
        assertThat(forCompany.permissions()).contains("TAX_REFUND");
        assertThat(personal.taxpayer()).isNull();
        assertThat(personal.permissions()).isEmpty();
        assertThatThrownBy(() -> lookup.lookup(IdentityReference.forTaxpayer(liSi, code)))
                .isInstanceOfSatisfying(IdentityQueryException.class,
                        e -> assertThat(e.code()).isEqualTo("IDENTITY_NOT_ACTIVE"));
    }

    @Test
    @DisplayName("API-2: the assertion 张三's session got resolves to him on his own; a changed one is refused, and so "
            + "is his after logout (LOGIN-9)")
    void currentIdentityByAssertion() throws IdentityQueryException {
        Browser browser = new Browser();
        browser.login(Browser.ZHANG_SAN_PHONE, Browser.ZHANG_SAN_PASSWORD, Browser.ZHANG_SAN_PHONE);
        Browser.Reply issued = browser.get("/api/v1/me/assertion");
        assertThat(issued.status()).as("%s", issued).isEqualTo(200);
        String token = issued.string("assertion");

        IntegratorClient.login(EarServer.INTEGRATOR, EarServer.INTEGRATOR_PASSWORD);
        CurrentIdentityLookup lookup = IntegratorClient.lookup(Integrators.CURRENT_IDENTITY_LOOKUP,
                CurrentIdentityLookup.class);
        CurrentIdentity identity = lookup.lookup(IdentityReference.assertion(token));
        assertThat(identity.personId()).isEqualTo(zhangSan);
        assertThat(identity.personName()).isEqualTo("张*");
        assertThat(identity.taxpayer()).as("a natural-person login acts for no taxpayer").isNull();

        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertThatThrownBy(() -> lookup.lookup(IdentityReference.assertion(forged)))
                .isInstanceOfSatisfying(IdentityQueryException.class,
                        e -> assertThat(e.code()).isEqualTo("ASSERTION_INVALID"));

        // LOGIN-9: once the login has ended, its assertion, alive as it is, resolves to nobody
        assertThat(browser.post("/api/v1/login/logout", Json.createObjectBuilder().build()).status())
                .isEqualTo(204);
        assertThatThrownBy(() -> lookup.lookup(IdentityReference.assertion(token)))
                .isInstanceOfSatisfying(IdentityQueryException.class,
                        e -> assertThat(e.code()).isEqualTo("ASSERTION_LOGGED_OUT"));
    }

    @Test
    @DisplayName("API-1 security: an anonymous client, a stub used after logout and a wrong password are refused by"
            + " the container; nothing is answered")
    void refusedWithoutIntegratorCredentials() {
        Throwable anonymous = catchThrowable(() -> grants().activeStaff(code));
        IntegratorClient.login(EarServer.INTEGRATOR, EarServer.INTEGRATOR_PASSWORD);
        GrantQueries stub = grants();
        IntegratorClient.logout();
        Throwable afterLogout = catchThrowable(() -> stub.activeStaff(code));
        IntegratorClient.login(EarServer.INTEGRATOR, "wrong-" + EarServer.INTEGRATOR_PASSWORD);
        Throwable wrongPassword = catchThrowable(() -> grants().activeStaff(code));

        // GlassFish resolves a remote business reference with a call of its own: without credentials the lookup
        // itself is refused (NamingException caused by java.rmi.AccessException / CORBA NO_PERMISSION)
        assertThat(causes(anonymous)).as("anonymous: %s", anonymous).anyMatch(RemoteEjbIT::refusal);
        assertThat(causes(afterLogout)).as("after logout: %s", afterLogout).anyMatch(RemoteEjbIT::refusal);
        assertThat(causes(wrongPassword)).as("wrong password: %s", wrongPassword).anyMatch(RemoteEjbIT::refusal);
    }

    private static boolean refusal(String exceptionClass) {
        return exceptionClass.equals("java.rmi.AccessException") || exceptionClass.equals("org.omg.CORBA.NO_PERMISSION")
                || exceptionClass.equals("jakarta.ejb.EJBAccessException");
    }

    private static GrantQueries grants() {
        return IntegratorClient.lookup(Integrators.GRANT_QUERIES, GrantQueries.class);
    }

    private static long personId(String phone, String password) {
        Browser browser = new Browser();
        Browser.Reply done = browser.login(phone, password, phone);
        assertThat(done.status()).as("%s", done).isEqualTo(200);
        return browser.get("/api/v1/me/profile").json().getJsonNumber("personId").longValue();
    }

    private static List<String> causes(Throwable t) {
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        for (Throwable c = t; c != null && names.size() < 20; c = c.getCause()) {
            names.add(c.getClass().getName());
        }
        return names;
    }
}
