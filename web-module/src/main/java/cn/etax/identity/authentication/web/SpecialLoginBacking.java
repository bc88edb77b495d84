package cn.etax.identity.authentication.web;

import cn.etax.identity.authentication.application.HumanCheckService;
import cn.etax.identity.authentication.application.LoginResult;
import cn.etax.identity.authentication.application.LoginService;
import cn.etax.identity.crossregion.application.SubjectOption;
import cn.etax.identity.crossregion.domain.CrossRegionKind;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FacesSupport;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * special-login.xhtml: the special-subject entry (特定主体登录, LOGIN-4) — the subject type (跨区域报验户 or 跨区税源登记
 * 纳税人), the taxpayer's credit code, the person's account, password and slider; the second factor; then the query
 * page of the subjects he may enter (all of them for the taxpayer's main identities, his own for a handler), searched
 * by number, and 【进入】. Holds no rule; LoginService and CrossRegionService decide, again at every step.
 */
@Named
@ViewScoped
public class SpecialLoginBacking extends SecondFactorSteps {

    private static final long serialVersionUID = 1L;

    /** After the second factor these end the attempt: no valid subject, or the report form names someone else. */
    private static final Set<String> FINAL_REFUSALS = Set.of("CROSS_REGION_NOT_FOUND",
            "CROSS_REGION_HANDLER_MISMATCH", "CROSS_REGION_HANDLER_PHONE_MISMATCH");

    public enum Step { PASSWORD, SECOND_FACTOR, AGREEMENTS, CHANGE_PASSWORD, CHOOSE_SUBJECT, REFUSED }

    @EJB
    LoginService login;

    @EJB
    HumanCheckService humanCheck;

    private Step step = Step.PASSWORD;
    private CrossRegionKind kind = CrossRegionKind.INSPECTION;
    private String creditCode;
    private String account;
    private String password;
    private final SliderState slider = new SliderState();
    private List<SubjectOption> subjects = List.of();
    private String number;
    private String searched;

    @PostConstruct
    void init() {
        slider.renew(humanCheck);
    }

    public void submitPassword() {
        try {
            accepted(login.specialPassword(kind, creditCode, account, password, slider.token(), slider.getValue(),
                    FacesSupport.client()));
            step = Step.SECOND_FACTOR;
        } catch (DomainException e) {
            FacesSupport.error(e);
            slider.renew(humanCheck);
        } finally {
            password = null;
        }
    }

    /** 【查询】: the subjects he may enter whose number contains what was typed (all of them when nothing was). */
    public void search() {
        searched = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        if (getShown().isEmpty()) {
            FacesSupport.info("specialLogin.notFound");
        }
    }

    public List<SubjectOption> getShown() {
        if (searched == null || searched.isEmpty()) {
            return subjects;
        }
        return subjects.stream().filter(s -> s.number().toUpperCase(Locale.ROOT).contains(searched)).toList();
    }

    /** 【进入】 the subject, checked again; the list stays when it is no longer available. */
    public void enter(long subjectId) {
        try {
            handle(login.enterSubject(flowToken, subjectId, FacesSupport.client()));
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    @Override
    public void restart() {
        step = Step.PASSWORD;
        forgetFlow();
        subjects = List.of();
        number = null;
        searched = null;
        slider.renew(humanCheck);
    }

    @Override
    protected void show(String name) {
        step = Step.valueOf(name);
    }

    @Override
    protected LoginService login() {
        return login;
    }

    /** LOGIN-4: the subjects to enter one of. */
    @Override
    protected boolean handleMore(LoginResult result) {
        if (result.status() != LoginResult.Status.CHOOSE_SUBJECT) {
            return false;
        }
        subjects = result.subjects();
        step = Step.CHOOSE_SUBJECT;
        return true;
    }

    @Override
    protected Set<String> finalRefusals() {
        return FINAL_REFUSALS;
    }

    public CrossRegionKind[] getKinds() { return CrossRegionKind.values(); }
    public Step getStep() { return step; }
    public CrossRegionKind getKind() { return kind; }
    public void setKind(CrossRegionKind kind) { this.kind = kind; }
    public String getCreditCode() { return creditCode; }
    public void setCreditCode(String creditCode) { this.creditCode = creditCode; }
    public String getAccount() { return account; }
    public void setAccount(String account) { this.account = account; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public SliderState getSlider() { return slider; }
    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
}
