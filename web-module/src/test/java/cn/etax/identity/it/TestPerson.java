package cn.etax.identity.it;

/**
 * A person the tests log in as. Until registration REST exists these are the demo persons the application loads
 * with {@code identity.demo.enabled=true}; the database is new for every run.
 */
public record TestPerson(String name, String idNumber, String phone, String username, String password) {

    /** Registered, real-name level 4, agreements signed. Shared by the login, lockout and SMS tests. */
    public static final TestPerson ZHANG_SAN =
            new TestPerson("张三", "11010519491231002X", "13800000001", "zhangsan01", "Demo@2026tax");

    /** Migrated from the old system: initial password (last six of the ID number), no agreements signed yet. */
    public static final TestPerson LI_SI = new TestPerson("李四", "440524188001010014", "13800000002", null, "010014");

    public TestPerson withPassword(String newPassword) {
        return new TestPerson(name, idNumber, phone, username, newPassword);
    }
}
