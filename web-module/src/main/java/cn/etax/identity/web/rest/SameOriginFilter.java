package cn.etax.identity.web.rest;

import cn.etax.identity.web.i18n.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-site request forgery on the API: a call that changes something (any method but GET, HEAD, OPTIONS) is refused
 * when a browser says it comes from another site — its {@code Origin} names a host other than this one (the
 * {@code Host} header, a trusted proxy's {@code X-Forwarded-Host}, or one of {@code identity.allowed-origins}) —
 * and whenever its body is of a type an HTML form can send without asking (form fields, multipart, plain text): the
 * API takes JSON or no body. The session cookie's SameSite=Lax is the first line; this is the second, for same-site
 * hosts and browsers that ignore SameSite. Other tax systems' server-side calls send no {@code Origin}.
 */
@Provider
@PreMatching
public class SameOriginFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data",
            "text/plain");

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (SAFE.contains(context.getMethod())) {
            return;
        }
        String origin = context.getHeaderString("Origin");
        if (origin != null && !sameOrigin(origin, context)) {
            refuse(context, Response.Status.FORBIDDEN, "CROSS_SITE_REQUEST_REFUSED");
            return;
        }
        MediaType type = context.getMediaType();
        if (type != null && FORM_TYPES.contains((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT))) {
            refuse(context, Response.Status.UNSUPPORTED_MEDIA_TYPE, "MEDIA_TYPE_UNSUPPORTED");
        }
    }

    private boolean sameOrigin(String origin, ContainerRequestContext context) {
        String host;
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getHost() == null) {
                return false; // "null" (a sandboxed page, a file) or garbage
            }
            host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (allowedOrigins().contains(origin.strip())) {
            return true;
        }
        if (sameHost(host, context.getHeaderString(HttpHeaders.HOST))) {
            return true;
        }
        String forwarded = context.getHeaderString("X-Forwarded-Host");
        return forwarded != null && request != null && Clients.trustedProxies().contains(request.getRemoteAddr())
                && sameHost(host, forwarded.split(",")[0].strip());
    }

    /** Host names compare without case; a default port written out or left away is the same origin. */
    private static boolean sameHost(String originHost, String requestHost) {
        if (requestHost == null) {
            return false;
        }
        String a = withoutDefaultPort(originHost.toLowerCase(Locale.ROOT));
        String b = withoutDefaultPort(requestHost.strip().toLowerCase(Locale.ROOT));
        return a.equals(b);
    }

    private static String withoutDefaultPort(String host) {
        return host.endsWith(":80") || host.endsWith(":443") ? host.substring(0, host.lastIndexOf(':')) : host;
    }

    static void refuse(ContainerRequestContext context, Response.Status status, String code) {
        Locale locale = Texts.forAcceptLanguage(context.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        context.abortWith(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ErrorBody(code, Texts.text(locale, "error." + code.toLowerCase(Locale.ROOT)))).build());
    }

    /** {@code identity.allowed-origins}: the other sites whose pages may use the API with the session cookie. */
    public static List<String> allowedOrigins() {
        return ConfigProvider.getConfig().getOptionalValues("identity.allowed-origins", String.class)
                .orElse(List.of());
    }
}
