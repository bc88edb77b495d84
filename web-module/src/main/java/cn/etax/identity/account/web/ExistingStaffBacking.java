package cn.etax.identity.account.web;

import cn.etax.identity.grant.application.GrantView;
import cn.etax.identity.grant.application.StaffService;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.CurrentEnterprise;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * enterprise/staff.xhtml (ENT-4): existing staff; 管理 changes a member's permissions within his identity type,
 * 冻结/解冻 and 删除. Key personnel are listed too; what the service refuses for them is shown as its message.
 */
@Named
@ViewScoped
public class ExistingStaffBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    StaffService staff;

    @Inject
    CurrentEnterprise current;

    private List<GrantView> grants = List.of();
    private GrantView managed;
    private List<String> permissions = new ArrayList<>();

    public void load() {
        try {
            grants = staff.staff(current.require(), FacesSupport.client());
        } catch (DomainException e) {
            grants = List.of();
            FacesSupport.error(e);
        }
    }

    /** 管理: the member's current permissions, to change. */
    public void manage(GrantView g) {
        managed = g;
        permissions = new ArrayList<>(g.permissions().stream().map(Enum::name).toList());
    }

    public void savePermissions() {
        if (managed == null) {
            return;
        }
        Set<Permission> chosen = EnumSet.noneOf(Permission.class);
        permissions.forEach(p -> chosen.add(Permission.valueOf(p)));
        try {
            staff.changePermissions(current.require(), managed.id(), chosen, FacesSupport.client());
            FacesSupport.info("account.ent.staff.permissionsSaved");
            managed = null;
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
        load();
    }

    public void freeze(long grantId) {
        act(() -> staff.freeze(current.require(), grantId, FacesSupport.client()), "account.ent.staff.frozen");
    }

    public void unfreeze(long grantId) {
        act(() -> staff.unfreeze(current.require(), grantId, FacesSupport.client()), "account.ent.staff.unfrozen");
    }

    public void delete(long grantId) {
        act(() -> staff.delete(current.require(), grantId, FacesSupport.client()), "account.ent.staff.deleted");
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

    public List<Permission> getManagedAllowed() {
        return managed == null ? List.of() : List.copyOf(managed.identityType().allowedPermissions());
    }

    public List<GrantView> getGrants() { return grants; }
    public GrantView getManaged() { return managed; }
    public List<String> getPermissions() { return permissions; }
    public void setPermissions(List<String> permissions) {
        this.permissions = permissions == null ? new ArrayList<>() : new ArrayList<>(permissions);
    }
}
