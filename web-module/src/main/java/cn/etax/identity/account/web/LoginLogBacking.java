package cn.etax.identity.account.web;

import cn.etax.identity.account.application.AccountService;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.web.faces.FacesSupport;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** loginlog.xhtml (PER-8, RULE-LOG): the person's own login records, last month unless an earlier date is asked. */
@Named
@ViewScoped
public class LoginLogBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AccountService account;

    @Inject
    BusinessClock clock;

    private LocalDate from;
    private List<LoginLogEntry> entries = List.of();

    public void load() {
        if (from == null) {
            from = clock.today().minusMonths(1);
        }
        search();
    }

    public void search() {
        try {
            var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
            entries = account.loginLog(from).stream()
                    .map(r -> LoginLogEntry.of(r, clock.zone(), locale)).toList();
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    /** The reason text in the language the page renders in (it may change after the rows were loaded). */
    public String reason(String code) {
        return LoginLogEntry.reasonText(code, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public LocalDate getToday() { return clock.today(); }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public List<LoginLogEntry> getEntries() { return entries; }
}
