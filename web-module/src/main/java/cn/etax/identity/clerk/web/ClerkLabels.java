package cn.etax.identity.clerk.web;

import cn.etax.identity.web.faces.FacesSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** Display names of enums on the console pages: {@code <prefix>.<enum name in lower case>} from the bundle. */
@Named
@ApplicationScoped
public class ClerkLabels {

    public String of(String prefix, Enum<?> value) {
        if (value == null) {
            return "";
        }
        String key = prefix + "." + value.name().toLowerCase(Locale.ROOT);
        String text = FacesSupport.text(key);
        return key.equals(text) ? value.name() : text;
    }

    public String idType(Enum<?> value) {
        if (value == null) {
            return "";
        }
        String key = "idType." + value.name();
        String text = FacesSupport.text(key);
        return key.equals(text) ? value.name() : text;
    }

    /** Key personnel hold the whole catalogue of their type (ENT-4): said in two words, not thirteen. */
    public String permissionsOf(cn.etax.identity.grant.application.GrantView g) {
        if (g.identityType().isKeyPerson() && g.permissions().containsAll(g.identityType().allowedPermissions())) {
            return FacesSupport.text("clerk.staff.allPermissions");
        }
        return all("grant.permission", g.permissions());
    }

    public String all(String prefix, Collection<? extends Enum<?>> values) {
        return values == null ? "" : values.stream().sorted().map(v -> of(prefix, v))
                .collect(Collectors.joining(FacesSupport.text("entLogin.permissionSeparator")));
    }
}
