package cn.etax.identity.earit;

import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Properties;

/**
 * A standalone remote-EJB client as an integrator writes one: the GlassFish client library ({@code gf-client.jar})
 * on the class path, the ORB pointed at the server's IIOP listener, credentials given by {@code ProgrammaticLogin}
 * and sent with every call (CSIv2 username/password); see README "Integrators".
 * {@code ProgrammaticLogin} is called reflectively only because this module compiles without the server's jars.
 */
final class IntegratorClient {

    private static final String PROGRAMMATIC_LOGIN = "com.sun.enterprise.security.ee.auth.login.ProgrammaticLogin";

    private IntegratorClient() {
    }

    static <T> T lookup(String jndiName, Class<T> type) {
        Properties p = new Properties();
        p.put("org.omg.CORBA.ORBInitialHost", "127.0.0.1");
        p.put("org.omg.CORBA.ORBInitialPort", Integer.toString(EarServer.get().iiopPort()));
        try {
            Context ctx = new InitialContext(p);
            return type.cast(ctx.lookup(jndiName));
        } catch (NamingException e) {
            throw new IllegalStateException("lookup " + jndiName, e);
        }
    }

    /** Later calls from this JVM carry these credentials. */
    static void login(String user, String password) {
        try {
            Class<?> c = Class.forName(PROGRAMMATIC_LOGIN);
            c.getMethod("login", String.class, char[].class, String.class, boolean.class)
                    .invoke(c.getConstructor().newInstance(), user, password.toCharArray(), null, true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("client login", e);
        }
    }

    /** Later calls are anonymous. */
    static void logout() {
        try {
            Class<?> c = Class.forName(PROGRAMMATIC_LOGIN);
            c.getMethod("logout", boolean.class).invoke(c.getConstructor().newInstance(), true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("client logout", e);
        }
    }
}
