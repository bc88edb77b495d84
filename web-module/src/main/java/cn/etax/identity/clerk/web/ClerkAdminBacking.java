package cn.etax.identity.clerk.web;

import cn.etax.identity.clerk.application.ClerkAdminService;
import cn.etax.identity.clerk.application.ClerkAdminService.ClerkAccount;
import cn.etax.identity.clerk.application.AuthenticatedClerk;
import cn.etax.identity.clerk.domain.ClerkRole;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.faces.LocaleBacking;
import cn.etax.identity.web.security.Sessions;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * clerk/clerks.xhtml, 工作人员账户管理 (§8): the clerks of the administrator's province, a new clerk, and for the
 * one picked in the table his duties, phone, password reset, unlock, stop and restart. Holds no rule;
 * ClerkAdminService checks, changes and records, and its answer is shown.
 */
@Named
@ViewScoped
public class ClerkAdminBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @EJB
    transient ClerkAdminService admin;

    @Inject
    Sessions sessions;

    @Inject
    BusinessClock clock;

    @Inject
    LocaleBacking locale;

    private List<ClerkAccount> clerks = List.of();

    private String username;
    private String name;
    private String taxOfficeCode;
    private String taxOfficeName;
    private ClerkRole[] roles = {};
    private String phone;
    private String password;

    private ClerkAccount selected;
    private ClerkRole[] selectedRoles = {};
    private String newPhone;
    private String resetPassword;

    @PostConstruct
    void init() {
        AuthenticatedClerk me = sessions.currentClerk(FacesSupport.request());
        if (me != null) {
            taxOfficeCode = me.taxOfficeCode();
            taxOfficeName = me.taxOfficeName();
        }
    }

    /** The page's view action: the list, or why it cannot be shown, before anything is rendered. */
    public void load() {
        jakarta.faces.context.FacesContext faces = jakarta.faces.context.FacesContext.getCurrentInstance();
        if (!faces.isPostback()) {
            // messages of this early phase in the visitor's language (the template's f:view applies it only later)
            faces.getViewRoot().setLocale(locale.getLocale());
            reload();
        }
    }

    /** His own account: stopping it or resetting its password is refused, so neither is offered. */
    public boolean isSelfSelected() {
        AuthenticatedClerk me = sessions.currentClerk(FacesSupport.request());
        return selected != null && me != null && me.clerkId() == selected.id();
    }

    public void create() {
        ClerkAccount created = call(() -> admin.create(new ClerkAdminService.NewClerk(username, name, taxOfficeCode,
                taxOfficeName, set(roles), phone, password), FacesSupport.client()));
        password = null;
        if (created != null) {
            FacesSupport.info("clerk.admin.created", created.username());
            username = null;
            name = null;
            roles = new ClerkRole[0];
            phone = null;
            reload();
        }
    }

    /** The row's 管理: the clerk whose account the panel below the table changes. */
    public void select(long id) {
        ClerkAccount found = call(() -> admin.clerk(id));
        show(found);
    }

    public void saveRoles() {
        changed(call(() -> admin.assignRoles(selected.id(), set(selectedRoles), FacesSupport.client())),
                "clerk.admin.rolesSaved");
    }

    public void savePhone() {
        changed(call(() -> admin.assignPhone(selected.id(), newPhone, FacesSupport.client())),
                "clerk.admin.phoneSaved");
    }

    public void reset() {
        ClerkAccount after = call(() -> admin.resetPassword(selected.id(), resetPassword, FacesSupport.client()));
        resetPassword = null;
        changed(after, "clerk.admin.passwordReset");
    }

    public void unlock() {
        changed(call(() -> admin.unlock(selected.id(), FacesSupport.client())), "clerk.admin.unlocked");
    }

    public void deactivate() {
        changed(call(() -> admin.deactivate(selected.id(), FacesSupport.client())), "clerk.admin.deactivated");
    }

    public void activate() {
        changed(call(() -> admin.activate(selected.id(), FacesSupport.client())), "clerk.admin.activated");
    }

    /** "2026-12-08 00:00", the end of a lock in the business time zone. */
    public String lockedUntil(ClerkAccount c) {
        return c.lockedUntil() == null ? "" : MINUTES.format(c.lockedUntil().atZone(clock.zone()));
    }

    private void changed(ClerkAccount after, String message) {
        if (after != null) {
            FacesSupport.info(message, after.username());
            show(after);
            reload();
        }
    }

    private void show(ClerkAccount c) {
        if (c != null) {
            selected = c;
            selectedRoles = c.roles().toArray(new ClerkRole[0]);
            newPhone = null;
        }
    }

    private void reload() {
        List<ClerkAccount> all = call(admin::clerks);
        if (all != null) {
            clerks = all;
        }
    }

    private static Set<ClerkRole> set(ClerkRole[] values) {
        return values == null || values.length == 0 ? EnumSet.noneOf(ClerkRole.class)
                : EnumSet.copyOf(Arrays.asList(values));
    }

    private static <T> T call(Supplier<T> action) {
        return ClerkConsoleBacking.call(ClerkRole.ADMIN, action);
    }

    public ClerkRole[] getAllRoles() { return ClerkRole.values(); }
    public List<ClerkAccount> getClerks() { return clerks; }
    public ClerkAccount getSelected() { return selected; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getTaxOfficeCode() { return taxOfficeCode; }
    public void setTaxOfficeCode(String taxOfficeCode) { this.taxOfficeCode = taxOfficeCode; }
    public String getTaxOfficeName() { return taxOfficeName; }
    public void setTaxOfficeName(String taxOfficeName) { this.taxOfficeName = taxOfficeName; }
    public ClerkRole[] getRoles() { return roles; }
    public void setRoles(ClerkRole[] roles) { this.roles = roles; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public ClerkRole[] getSelectedRoles() { return selectedRoles; }
    public void setSelectedRoles(ClerkRole[] selectedRoles) { this.selectedRoles = selectedRoles; }
    public String getNewPhone() { return newPhone; }
    public void setNewPhone(String newPhone) { this.newPhone = newPhone; }
    public String getResetPassword() { return resetPassword; }
    public void setResetPassword(String resetPassword) { this.resetPassword = resetPassword; }
}
