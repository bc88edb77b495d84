package cn.etax.identity.account.web;

import cn.etax.identity.grant.application.GrantView;
import cn.etax.identity.grant.application.StaffField;
import cn.etax.identity.grant.application.StaffService;
import cn.etax.identity.grant.domain.GrantParty;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.CurrentEnterprise;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * enterprise/staff-pending.xhtml (ENT-3): the enterprise's own offers can be withdrawn (not a tax office's), a
 * person's applications confirmed or rejected, several applications confirmed at once.
 */
@Named
@ViewScoped
public class PendingStaffBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    StaffService staff;

    @Inject
    CurrentEnterprise current;

    private List<GrantView> grants = List.of();
    private List<GrantView> selected = new ArrayList<>();

    public void load() {
        shown.clear();
        try {
            grants = staff.pending(current.require(), FacesSupport.client());
        } catch (DomainException e) {
            grants = List.of();
            FacesSupport.error(e);
        }
        selected = new ArrayList<>();
    }

    /** RULE-MASK: what the eye shows, by grant and field; gone with the next reload. */
    private final Map<String, String> shown = new HashMap<>();

    /** The eye: the clear value once (recorded by the service), masked again on the second click. */
    public void toggle(GrantView g, String field) {
        String key = g.id() + ":" + field;
        if (shown.remove(key) != null) {
            return;
        }
        try {
            shown.put(key, staff.reveal(current.require(), g.id(), StaffField.valueOf(field), FacesSupport.client()));
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public boolean isShown(GrantView g, String field) {
        return shown.containsKey(g.id() + ":" + field);
    }

    public String value(GrantView g, String field, String masked) {
        return shown.getOrDefault(g.id() + ":" + field, masked);
    }

    public void withdraw(long grantId) {
        act(() -> staff.withdraw(current.require(), grantId, FacesSupport.client()), "account.ent.pending.withdrawn");
    }

    public void confirm(long grantId) {
        act(() -> staff.confirm(current.require(), grantId, FacesSupport.client()), "account.ent.pending.confirmed");
    }

    public void reject(long grantId) {
        act(() -> staff.reject(current.require(), grantId, FacesSupport.client()), "account.ent.pending.rejected");
    }

    /** Each selected application confirmed in its own transaction; the first refusal stops and is shown. */
    public void confirmSelected() {
        List<GrantView> applications = selected.stream().filter(this::isApplication).toList();
        if (applications.isEmpty()) {
            FacesSupport.error(new InvalidInputException("GRANT_IDS_REQUIRED"));
            return;
        }
        int done = 0;
        try {
            for (GrantView g : applications) {
                staff.confirm(current.require(), g.id(), FacesSupport.client());
                done++;
            }
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
        if (done > 0) {
            FacesSupport.info("account.ent.pending.batchConfirmed", done);
        }
        load();
    }

    /** A person's application (PER-2): the enterprise answers it. Null for the table header's selection box. */
    public boolean isApplication(GrantView g) {
        return g != null && g.initiator() == GrantParty.PERSON;
    }

    /** An offer this enterprise made (ENT-3: it may withdraw it; the system's and a tax office's it may not). */
    public boolean isOwnOffer(GrantView g) {
        return g != null && g.initiator() == GrantParty.ENTERPRISE;
    }

    /** An offer added at a tax office: "线下添加，无法线上撤回". */
    public boolean isOffline(GrantView g) {
        return g != null && g.initiator() == GrantParty.TAX_OFFICE;
    }

    private void act(Runnable step, String doneKey) {
        try {
            step.run();
            FacesSupport.info(doneKey);
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
        load();
    }

    public List<GrantView> getGrants() { return grants; }
    public List<GrantView> getSelected() { return selected; }
    public void setSelected(List<GrantView> selected) { this.selected = selected == null ? new ArrayList<>() : selected; }
}
