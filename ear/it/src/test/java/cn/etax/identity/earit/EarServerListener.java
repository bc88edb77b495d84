package cn.etax.identity.earit;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Once per run: stops the Payara Server domain {@link EarServer} set up (registered in META-INF/services). */
public class EarServerListener implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (System.getProperty("ear.it.script") != null) {
            EarServer.stop();
        }
    }
}
