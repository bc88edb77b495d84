package cn.etax.identity.web.rest;

import cn.etax.identity.web.i18n.Texts;
import jakarta.json.Json;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * The container's own errors (web.xml's error pages): a request the container refused before the application saw it
 * — a session whose role may not use the address (403), an unknown address, a failure outside the REST resources.
 * Under {@code /api/} the answer is the API's JSON error in the caller's language, as every other API error; a page
 * gets a page of the site's own ({@code /forbidden.xhtml}, {@code /error.xhtml}), never the server's error report.
 */
@WebServlet("/error-reply")
public class ErrorReplyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttribute instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String u ? u : request.getRequestURI();
        if (path.startsWith(request.getContextPath() + "/api/")) {
            replyJson(request, response, status);
        } else {
            request.getRequestDispatcher(status == HttpServletResponse.SC_FORBIDDEN ? "/forbidden.xhtml"
                    : "/error.xhtml").forward(request, response);
        }
    }

    private static void replyJson(HttpServletRequest request, HttpServletResponse response, int status)
            throws IOException {
        String code = switch (status) {
            case HttpServletResponse.SC_BAD_REQUEST -> "REQUEST_INVALID";
            case HttpServletResponse.SC_UNAUTHORIZED -> "NOT_LOGGED_IN";
            case HttpServletResponse.SC_FORBIDDEN -> "ACCESS_DENIED";
            case HttpServletResponse.SC_NOT_FOUND -> "NOT_FOUND";
            case HttpServletResponse.SC_METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
            default -> "INTERNAL";
        };
        Locale locale = Texts.forAcceptLanguage(request.getHeader("Accept-Language"));
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        try (Writer out = response.getWriter()) {
            out.write(Json.createObjectBuilder().add("code", code)
                    .add("message", Texts.text(locale, "error." + code.toLowerCase(Locale.ROOT))).build().toString());
        }
    }
}
