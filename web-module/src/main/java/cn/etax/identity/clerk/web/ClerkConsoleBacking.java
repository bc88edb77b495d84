package cn.etax.identity.clerk.web;

import cn.etax.identity.clerk.application.ClerkGrantService;
import cn.etax.identity.clerk.application.ClerkTaxpayerService;
import cn.etax.identity.clerk.domain.ClerkRole;
import cn.etax.identity.grant.application.GrantView;
import cn.etax.identity.grant.application.NewStaff;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.taxpayer.application.SyncPerson;
import cn.etax.identity.taxpayer.application.TaxpayerGrants;
import cn.etax.identity.taxpayer.domain.KeyRole;
import cn.etax.identity.web.faces.FacesSupport;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * The console's taxpayer page (§8): look a taxpayer up by credit code, change key personnel, add or end staff
 * relationships offline, see staff and grant history. Every button is one EJB call; the EJB checks the duty.
 */
@Named
@ViewScoped
public class ClerkConsoleBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final EnumSet<GrantState> CURRENT = EnumSet.of(GrantState.PENDING, GrantState.ACTIVE,
            GrantState.FROZEN, GrantState.EXPIRED);

    @EJB
    transient ClerkTaxpayerService taxpayers;

    @EJB
    transient ClerkGrantService grants;

    @jakarta.inject.Inject
    cn.etax.identity.web.faces.LocaleBacking locale;

    private String creditCode;
    private boolean registered;
    private TaxpayerGrants taxpayer;

    private KeyRole keyRole = KeyRole.LEGAL_REPRESENTATIVE;
    private String keyName;
    private IdType keyIdType = IdType.RESIDENT_ID_CARD;
    private String keyIdNumber;

    private String staffName;
    private IdType staffIdType = IdType.RESIDENT_ID_CARD;
    private String staffIdNumber;
    private IdentityType staffType = IdentityType.TAX_OFFICER;
    private Permission[] staffPermissions = {};
    private LocalDate validUntil;

    /** {@code ?code=} after a registration, or a bookmarked taxpayer. */
    public void load() {
        // messages of this early phase in the visitor's language (the template's f:view applies it only later)
        jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().setLocale(locale.getLocale());
        if (creditCode != null && !creditCode.isBlank() && taxpayer == null) {
            lookUp();
            if (taxpayer != null && registered) {
                FacesSupport.info("clerk.register.done", taxpayer.creditCode());
            }
        }
    }

    public void lookUp() {
        try {
            taxpayer = taxpayers.lookUp(creditCode, FacesSupport.client());
            creditCode = taxpayer.creditCode();
        } catch (EJBAccessException e) {
            FacesSupport.error(new ForbiddenException("CLERK_DUTY_REQUIRED"));
        } catch (DomainException e) {
            taxpayer = null;
            FacesSupport.error(e);
        }
    }

    public void changeKeyPerson() {
        if (!dutyHeld(ClerkRole.REGISTRATION)) {
            return;
        }
        try {
            taxpayer = taxpayers.changeKeyPerson(taxpayer.creditCode(), keyRole,
                    new SyncPerson(keyName, keyIdType, keyIdNumber), FacesSupport.client());
            keyName = null;
            keyIdNumber = null;
            FacesSupport.info("clerk.keyPerson.done");
        } catch (EJBAccessException e) {
            FacesSupport.error(new ForbiddenException("CLERK_DUTY_REQUIRED"));
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public void addGrant() {
        if (!dutyHeld(ClerkRole.GRANTS)) {
            return;
        }
        try {
            grants.add(taxpayer.creditCode(), new NewStaff(staffName, staffIdType, staffIdNumber, staffType,
                    staffPermissions.length == 0 ? null : EnumSet.copyOf(List.of(staffPermissions)), validUntil),
                    FacesSupport.client());
            staffName = null;
            staffIdNumber = null;
            staffPermissions = new Permission[0];
            validUntil = null;
            refresh();
            FacesSupport.info("clerk.grant.added");
        } catch (EJBAccessException e) {
            FacesSupport.error(new ForbiddenException("CLERK_DUTY_REQUIRED"));
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public void remove(long grantId) {
        if (!dutyHeld(ClerkRole.GRANTS)) {
            return;
        }
        try {
            grants.remove(taxpayer.creditCode(), grantId, FacesSupport.client());
            FacesSupport.info("clerk.grant.removed");
        } catch (EJBAccessException e) {
            FacesSupport.error(new ForbiddenException("CLERK_DUTY_REQUIRED"));
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
        refresh();
    }

    /** Asked before the EJB, whose {@code @RolesAllowed} enforces it, so the page answers with a message. */
    /**
     * One console call of a page: the duty asked first (the EJB's {@code @RolesAllowed} enforces it), a refusal
     * shown as the page's message; null when refused.
     */
    static <T> T call(String role, java.util.function.Supplier<T> action) {
        if (!dutyHeld(role)) {
            return null;
        }
        try {
            return action.get();
        } catch (EJBAccessException e) {
            FacesSupport.error(new ForbiddenException("CLERK_DUTY_REQUIRED"));
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
        return null;
    }

    static boolean dutyHeld(String role) {
        if (FacesSupport.request().isUserInRole(role)) {
            return true;
        }
        FacesSupport.error(new ForbiddenException("CLERK_DUTY_REQUIRED"));
        return false;
    }

    private void refresh() {
        try {
            taxpayer = taxpayers.lookUp(taxpayer.creditCode(), FacesSupport.client());
        } catch (EJBAccessException e) {
            FacesSupport.error(new ForbiddenException("CLERK_DUTY_REQUIRED"));
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    /** Grants still running (or expired, still to be ended), key personnel first. */
    public List<GrantView> getCurrentGrants() {
        return taxpayer == null ? List.of() : taxpayer.grants().stream().filter(g -> CURRENT.contains(g.state()))
                .sorted(Comparator.comparing(GrantView::identityType).thenComparing(GrantView::id)).toList();
    }

    /** Every transition of every grant, newest first. */
    public List<HistoryRow> getHistory() {
        if (taxpayer == null) {
            return List.of();
        }
        List<HistoryRow> rows = new ArrayList<>();
        for (GrantView g : taxpayer.grants()) {
            for (GrantView.Step s : g.history()) {
                rows.add(new HistoryRow(g.id(), g.holderName(), g.identityType(), g.initiator(), s.from(), s.to(),
                        s.side(), s.at()));
            }
        }
        rows.sort(Comparator.comparing(HistoryRow::at).reversed().thenComparing(HistoryRow::grantId,
                Comparator.reverseOrder()));
        return rows;
    }

    public boolean removable(GrantView g) {
        return !g.identityType().isKeyPerson();
    }

    public List<IdentityType> getStaffTypes() {
        return List.of(IdentityType.TAX_OFFICER, IdentityType.INVOICER);
    }

    public List<Permission> getPermissionsForType() {
        return List.copyOf(staffType.allowedPermissions());
    }

    public IdType[] getIdTypes() { return IdType.values(); }
    public KeyRole[] getKeyRoles() { return KeyRole.values(); }

    public record HistoryRow(long grantId, String holderName, IdentityType identityType,
                             cn.etax.identity.grant.domain.GrantParty initiator, GrantState from, GrantState to,
                             cn.etax.identity.grant.domain.GrantParty side, Instant at) implements Serializable {

        private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneId.of("Asia/Shanghai"));

        /** Business time (Asia/Shanghai), as the other history lists show it. */
        public String shownAt() {
            return SHOWN.format(at);
        }
    }

    public String getCreditCode() { return creditCode; }
    public void setCreditCode(String creditCode) { this.creditCode = creditCode; }
    public TaxpayerGrants getTaxpayer() { return taxpayer; }
    public boolean isRegistered() { return registered; }
    public void setRegistered(boolean registered) { this.registered = registered; }
    public KeyRole getKeyRole() { return keyRole; }
    public void setKeyRole(KeyRole keyRole) { this.keyRole = keyRole; }
    public String getKeyName() { return keyName; }
    public void setKeyName(String keyName) { this.keyName = keyName; }
    public IdType getKeyIdType() { return keyIdType; }
    public void setKeyIdType(IdType keyIdType) { this.keyIdType = keyIdType; }
    public String getKeyIdNumber() { return keyIdNumber; }
    public void setKeyIdNumber(String keyIdNumber) { this.keyIdNumber = keyIdNumber; }
    public String getStaffName() { return staffName; }
    public void setStaffName(String staffName) { this.staffName = staffName; }
    public IdType getStaffIdType() { return staffIdType; }
    public void setStaffIdType(IdType staffIdType) { this.staffIdType = staffIdType; }
    public String getStaffIdNumber() { return staffIdNumber; }
    public void setStaffIdNumber(String staffIdNumber) { this.staffIdNumber = staffIdNumber; }
    public IdentityType getStaffType() { return staffType; }
    public void setStaffType(IdentityType staffType) { this.staffType = staffType == null ? IdentityType.TAX_OFFICER : staffType; }
    public Permission[] getStaffPermissions() { return staffPermissions; }
    public void setStaffPermissions(Permission[] staffPermissions) { this.staffPermissions = staffPermissions == null ? new Permission[0] : staffPermissions; }
    public LocalDate getValidUntil() { return validUntil; }
    public void setValidUntil(LocalDate validUntil) { this.validUntil = validUntil; }
}
