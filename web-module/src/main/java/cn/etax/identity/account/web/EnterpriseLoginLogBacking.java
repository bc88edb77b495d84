package cn.etax.identity.account.web;

import cn.etax.identity.account.application.EnterpriseCenterService;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.CurrentEnterprise;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * enterprise/loginlog.xhtml (ENT-10): logins through the enterprise entry for the current taxpayer, last month by
 * default; the viewer's own, or — for a legal representative or finance officer — every staff member's.
 */
@Named
@ViewScoped
public class EnterpriseLoginLogBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    EnterpriseCenterService center;

    @Inject
    CurrentEnterprise current;

    @Inject
    BusinessClock clock;

    private LocalDate from;
    private boolean allStaff;
    private List<Row> rows = List.of();

    /** One row: the login as the personal log shows it, and whose it is. */
    public record Row(LoginLogEntry login, String person, boolean own) implements Serializable {
    }

    public void load() {
        if (from == null) {
            from = clock.today().minusMonths(1);
        }
        search();
    }

    public void search() {
        try {
            var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
            rows = center.loginLog(current.require(), from, allStaff, FacesSupport.client()).stream()
                    .map(l -> new Row(LoginLogEntry.of(l.record(), clock.zone(), locale), l.personNameMasked(),
                            l.own()))
                    .toList();
        } catch (DomainException e) {
            rows = List.of();
            FacesSupport.error(e);
        }
    }

    public String reason(String code) {
        return LoginLogEntry.reasonText(code, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public LocalDate getToday() { return clock.today(); }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public boolean isAllStaff() { return allStaff; }
    public void setAllStaff(boolean allStaff) { this.allStaff = allStaff; }
    public List<Row> getRows() { return rows; }
}
