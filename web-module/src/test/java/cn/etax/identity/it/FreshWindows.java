package cn.etax.identity.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;

/**
 * Every integration test class starts with windows of its own: the business clock moves on 11 minutes before its
 * first test, so the per-address throttle (100 attempts in 10 minutes, RULE-LOCK) and the SMS windows (RULE-SMS) that
 * the classes before it filled are over. All ITs run from 127.0.0.1, so without this a class's logins would be refused
 * with 429 or not, depending on which classes ran before it. Registered for every class by JUnit's extension
 * autodetection ({@code junit-platform.properties}); only the classes of this package against the running server.
 */
public final class FreshWindows implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        if (testClass.getPackageName().equals(FreshWindows.class.getPackageName()) && testClass.getEnclosingClass() == null) {
            Sim.moveClock(Duration.ofMinutes(11));
        }
    }
}
