package cn.etax.identity.authentication.web;

import cn.etax.identity.grant.application.ClientOption;
import cn.etax.identity.web.faces.FacesSupport;

import java.util.Locale;
import java.util.stream.Collectors;

/** 被代理企业选择 as the agent entries list the clients (LOGIN-3, LOGIN-11's old agent entry). */
public final class ClientLabels {

    private ClientLabels() {
    }

    /** The client's permissions for this agent, in the page's language. */
    public static String permissions(ClientOption c) {
        return c.permissions().stream().sorted()
                .map(p -> FacesSupport.text("grant.permission." + p.name().toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining(FacesSupport.text("entLogin.permissionSeparator")));
    }
}
