package cn.etax.identity.simulation.web;

import cn.etax.identity.shared.application.OutsideServices;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** The simulator pages and API do not exist unless the simulators are switched on (§11). */
@WebFilter(urlPatterns = {"/sim/*", "/api/sim/*"})
public class SimulatorGate extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    OutsideServices services;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!services.simulatorsEnabled()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
