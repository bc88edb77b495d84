package cn.etax.identity.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Once per test run: stops the Payara Micro that {@link App} started lazily (so a run that selects no IT starts
 * nothing). Registered in META-INF/services; does nothing outside failsafe, where {@code it.war} is not set.
 */
public class ItServerListener implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (ItSettings.managedServerWanted()) {
            App.stop();
        }
    }
}
