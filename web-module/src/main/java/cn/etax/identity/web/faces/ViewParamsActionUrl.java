package cn.etax.identity.web.faces;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewParameter;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewMetadata;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Forms post back to their page with its view parameters, so the address a postback leaves in the browser is still
 * the page the person opened: after the language switch or any step, a reload of {@code ?entry=agent} or
 * {@code ?entry=nonresident} opens the same entry, and the clerk console keeps its taxpayer.
 */
public class ViewParamsActionUrl extends ViewHandlerWrapper {

    public ViewParamsActionUrl(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        String url = super.getActionURL(context, viewId);
        UIViewRoot root = context.getViewRoot();
        if (root == null || !viewId.equals(root.getViewId())) {
            return url;
        }
        StringBuilder query = new StringBuilder();
        for (UIViewParameter parameter : ViewMetadata.getViewParameters(root)) {
            String value = parameter.getStringValue(context);
            if (value != null && !value.isEmpty()) {
                query.append(query.isEmpty() ? "" : "&").append(encode(parameter.getName())).append('=')
                        .append(encode(value));
            }
        }
        if (query.isEmpty()) {
            return url;
        }
        return url + (url.indexOf('?') < 0 ? '?' : '&') + query;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
