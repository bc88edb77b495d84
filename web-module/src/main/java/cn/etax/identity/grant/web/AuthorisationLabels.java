package cn.etax.identity.grant.web;

import cn.etax.identity.grant.domain.GrantParty;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.taxpayer.domain.Provinces;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.web.faces.FacesSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Texts of the authorisation lists in the page's language: types, permissions, states, who started, times. */
@Named
@ApplicationScoped
public class AuthorisationLabels {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    BusinessClock clock;

    public String identityType(IdentityType type) {
        return type == null ? "" : FacesSupport.text("grant.identity_type." + type.name().toLowerCase(Locale.ROOT));
    }

    public String permissions(Collection<Permission> permissions) {
        return permissions == null ? "" : permissions.stream().sorted()
                .map(p -> FacesSupport.text("grant.permission." + p.name().toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining(FacesSupport.text("entLogin.permissionSeparator")));
    }

    public String state(GrantState state) {
        return state == null ? "" : FacesSupport.text("authorisations.state." + state.name());
    }

    public String initiator(GrantParty party) {
        return party == null ? "" : FacesSupport.text("authorisations.initiator." + party.name());
    }

    /** A taxpayer's province (its official Chinese name as stored) in the page's language. */
    public String province(String name) {
        return Provinces.code(name).map(code -> FacesSupport.text("province." + code)).orElse(name == null ? "" : name);
    }

    /** RULE-MASK: the enterprise's name as the account centers show it. */
    public String enterprise(String name) {
        return Masking.enterpriseName(name);
    }

    public String validUntil(LocalDate date) {
        return date == null ? FacesSupport.text("authorisations.longTerm") : date.toString();
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(clock.zone()));
    }

    /** The identity types a person may apply for or filter by. */
    public List<IdentityType> getTypes() {
        return List.of(IdentityType.values());
    }

    public List<IdentityType> getApplicableTypes() {
        return List.of(IdentityType.TAX_OFFICER, IdentityType.INVOICER);
    }
}
