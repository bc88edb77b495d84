package cn.etax.identity.web.health;

import jakarta.servlet.http.HttpServlet;

/**
 * Marks the end of this application's start: a servlet without a mapping, loaded last (web.xml load-on-startup
 * 1000), so its {@code init} runs after the EJB singletons (migrations, demo data), the listeners and the Faces and
 * JAX-RS servlets. Until then {@link ApplicationReadiness} is DOWN: MicroProfile Health answers as soon as the
 * application's checks are known, which is well before it can serve a request (a load balancer or a benchmark that
 * trusted it got 404 and 500 answers for seconds).
 */
public class ApplicationStarted extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static volatile boolean started;

    @Override
    public void init() {
        started = true;
    }

    @Override
    public void destroy() {
        started = false;
    }

    static boolean isStarted() {
        return started;
    }
}
