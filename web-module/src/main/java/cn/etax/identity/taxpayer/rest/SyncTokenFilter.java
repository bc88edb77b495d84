package cn.etax.identity.taxpayer.rest;

import cn.etax.identity.taxpayer.application.TaxpayerSyncService;
import cn.etax.identity.web.rest.Clients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * API-3: the core tax system's shared secret ({@code X-Sync-Token}) is checked before anything of the call is read, so
 * a caller without it learns nothing from the answer, not even whether its message would have been well formed
 * (403 {@code SYNC_TOKEN_INVALID}, or 404 while synchronisation is off). The service checks it again.
 */
@Provider
@PreMatching
@ApplicationScoped
public class SyncTokenFilter implements ContainerRequestFilter {

    private static final String SYNC = "v1/sync/";

    @Inject
    TaxpayerSyncService sync;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        String path = context.getUriInfo().getPath();
        if (path.startsWith(SYNC) || path.startsWith("/" + SYNC)) {
            sync.authenticate(context.getHeaderString(TaxpayerSyncResource.TOKEN_HEADER), Clients.of(request));
        }
    }
}
