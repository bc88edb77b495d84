package cn.etax.identity.account.web;

import cn.etax.identity.account.application.EnterpriseCenterService;
import cn.etax.identity.account.application.PermissionTemplateView;
import cn.etax.identity.grant.application.NewStaff;
import cn.etax.identity.grant.application.StaffService;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.CurrentEnterprise;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * enterprise/staff-add.xhtml (ENT-2): person, identity type (办税员/开票员), permissions of that type — ticked one by
 * one or from a template (权限身份) — and validity (长期 or a date); the risk warning must be acknowledged before
 * the offer is sent. The service decides whether the current identity may add staff.
 */
@Named
@ViewScoped
public class StaffAddBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    StaffService staff;

    @EJB
    EnterpriseCenterService center;

    @Inject
    CurrentEnterprise current;

    private String name;
    private IdType idType = IdType.RESIDENT_ID_CARD;
    private String idNumber;
    private IdentityType identityType = IdentityType.TAX_OFFICER;
    /** Permission names: a generic list reaches the page's checkboxes as strings. */
    private List<String> permissions = new ArrayList<>();
    private List<PermissionTemplateView> templates = List.of();
    /** The chosen template's key (a preset's constant or {@code saved-<id>}). */
    private String template;
    private List<PermissionTemplateView> saved = List.of();
    private String templateName;
    private boolean longTerm = true;
    private LocalDate validUntil;
    private boolean riskAcknowledged;
    private boolean added;

    public void load() {
        loadTemplates();
    }

    /** A new identity type: its templates, and only the ticked permissions it allows stay ticked. */
    public void typeChanged() {
        permissions.retainAll(identityType.allowedPermissions().stream().map(Enum::name).toList());
        template = null;
        loadTemplates();
    }

    public void applyTemplate() {
        templates.stream().filter(t -> t.key().equals(template)).findFirst()
                .ifPresent(t -> permissions = new ArrayList<>(EnumSet.copyOf(t.permissions()).stream()
                        .map(Enum::name).toList()));
    }

    public void add() {
        if (!riskAcknowledged) {
            FacesSupport.error(new InvalidInputException("RISK_NOT_ACKNOWLEDGED"));
            return;
        }
        if (!longTerm && validUntil == null) {
            // 长期 unticked without a date: never saved as long-term behind the manager's back
            FacesSupport.error(new InvalidInputException("VALID_UNTIL_REQUIRED"));
            riskAcknowledged = false;
            return;
        }
        try {
            staff.add(current.require(), new NewStaff(name, idType, idNumber, identityType, chosen(),
                    longTerm ? null : validUntil), riskAcknowledged, FacesSupport.client());
            FacesSupport.info("account.ent.add.done");
            added = true;
            name = null;
            idNumber = null;
            permissions = new ArrayList<>();
            template = null;
            validUntil = null;
            longTerm = true;
        } catch (DomainException e) {
            FacesSupport.error(e);
        } finally {
            riskAcknowledged = false;
        }
    }

    /** ENT-2 "保存为权限身份": the ticked permissions under the name given, then offered in the drop-down. */
    public void saveTemplate() {
        try {
            PermissionTemplateView t = center.saveTemplate(current.require(), templateName, chosen(),
                    FacesSupport.client());
            FacesSupport.info("account.ent.template.saved", t.name());
            templateName = null;
            loadTemplates();
            template = templates.stream().anyMatch(v -> v.key().equals(t.key())) ? t.key() : null;
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    /** ENT-2: deletes one of the enterprise's own templates (after the page's confirmation). */
    public void deleteTemplate(long id) {
        try {
            String name = saved.stream().filter(t -> t.id() == id).map(PermissionTemplateView::name).findFirst()
                    .orElse("");
            center.deleteTemplate(current.require(), id, FacesSupport.client());
            FacesSupport.info("account.ent.template.deleted", name);
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
        loadTemplates();
        if (templates.stream().noneMatch(v -> v.key().equals(template))) {
            template = null;
        }
    }

    private Set<Permission> chosen() {
        Set<Permission> chosen = EnumSet.noneOf(Permission.class);
        permissions.forEach(p -> chosen.add(Permission.valueOf(p)));
        return chosen;
    }

    private void loadTemplates() {
        try {
            templates = center.templates(current.require(), identityType, FacesSupport.client());
            saved = center.savedTemplates(current.require(), FacesSupport.client());
        } catch (DomainException e) {
            templates = List.of();
            saved = List.of();
            FacesSupport.error(e);
        }
    }

    /** The drop-down's label: a preset's in the page's language, a saved one's name as given. */
    public String label(PermissionTemplateView t) {
        return t.preset() ? FacesSupport.text("account.ent.template." + t.template().name()) : t.name();
    }

    /** A saved template's permissions, in catalogue order, in the page's language. */
    public String permissionLabels(PermissionTemplateView t) {
        return Labels.permissions(t.permissions());
    }

    public IdType[] getIdTypes() { return IdType.values(); }
    public IdentityType[] getIdentityTypes() { return new IdentityType[]{IdentityType.TAX_OFFICER, IdentityType.INVOICER}; }
    public List<Permission> getAllowedPermissions() { return List.copyOf(identityType.allowedPermissions()); }
    public List<PermissionTemplateView> getTemplates() { return templates; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public IdType getIdType() { return idType; }
    public void setIdType(IdType idType) { this.idType = idType; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    public IdentityType getIdentityType() { return identityType; }
    public void setIdentityType(IdentityType identityType) { this.identityType = identityType; }
    public List<String> getPermissions() { return permissions; }
    public void setPermissions(List<String> permissions) {
        this.permissions = permissions == null ? new ArrayList<>() : new ArrayList<>(permissions);
    }
    public String getTemplate() { return template; }
    public void setTemplate(String template) { this.template = template; }
    public List<PermissionTemplateView> getSaved() { return saved; }
    public String getTemplateName() { return templateName; }
    public void setTemplateName(String templateName) { this.templateName = templateName; }
    public boolean isLongTerm() { return longTerm; }
    public void setLongTerm(boolean longTerm) { this.longTerm = longTerm; }
    public LocalDate getValidUntil() { return validUntil; }
    public void setValidUntil(LocalDate validUntil) { this.validUntil = validUntil; }
    public boolean isRiskAcknowledged() { return riskAcknowledged; }
    public void setRiskAcknowledged(boolean riskAcknowledged) { this.riskAcknowledged = riskAcknowledged; }
    public boolean isAdded() { return added; }
}
