package cn.etax.identity.authentication.web;

import cn.etax.identity.grant.application.StaffOption;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.web.faces.FacesSupport;

import java.util.Locale;

/** 选择办税人员 as every entry that proves the taxpayer first lists its staff (LOGIN-6, LOGIN-3, LOGIN-11). */
public final class StaffLabels {

    private StaffLabels() {
    }

    /** "{name}（{type}）", marked when frozen (listed, but refused when chosen). */
    public static String of(StaffOption o) {
        String label = FacesSupport.text("certLogin.staffOption", o.nameMasked(),
                FacesSupport.text("grant.identity_type." + o.identityType().name().toLowerCase(Locale.ROOT)));
        return o.state() == GrantState.FROZEN ? label + FacesSupport.text("entLogin.option.frozen") : label;
    }
}
