package cn.etax.identity.account.web;

import cn.etax.identity.account.application.AccountService;
import cn.etax.identity.account.application.ProfileView;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FacesSupport;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.util.List;

/**
 * phones.xhtml (ENT-6, RULE-PHONE): list, add, modify, delete a non-default, set default. Every action runs in a
 * dialog of its own flow: first a code to the phone already held (the default one, or the one being changed), then —
 * for add and modify — a code to the new number.
 */
@Named
@ViewScoped
public class PhonesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Mode { ADD, MODIFY, DELETE, DEFAULT }

    @EJB
    AccountService account;

    private List<ProfileView.PhoneView> phones = List.of();
    private Mode mode;
    private int step;
    private Long phoneId;
    private String flowToken;
    private String currentCode;
    private String newPhone;
    private String newCode;

    public void load() {
        try {
            phones = account.profile().phones();
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public void open(String what, Long id) {
        mode = Mode.valueOf(what);
        phoneId = id;
        currentCode = null;
        newPhone = null;
        newCode = null;
        step = mode == Mode.ADD && getDefaultPhone() == null ? 2 : 1;
        try {
            flowToken = account.beginChange(FacesSupport.client());
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public void sendCurrentCode() {
        try {
            Long target = mode == Mode.MODIFY || mode == Mode.DEFAULT ? phoneId : null;
            FacesSupport.info("account.sms.sent", account.sendCodeToOwnPhone(flowToken, target));
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    /**
     * Step 1 → 2 of add and modify: the code to the current phone is checked now (not spent: the change spends it
     * when it is confirmed), so a wrong one is told before the new number is asked for.
     */
    public void next() {
        try {
            account.confirmOwnPhoneCode(flowToken, mode == Mode.MODIFY ? phoneId : null, currentCode);
            step = 2;
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public void sendNewCode() {
        try {
            account.sendCodeToNewPhone(flowToken, newPhone, FacesSupport.client());
            FacesSupport.info("account.sms.sentNew");
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public void confirm() {
        try {
            switch (mode) {
                case ADD -> account.addPhone(flowToken, newPhone, newCode, currentCode, FacesSupport.client());
                case MODIFY -> account.modifyPhone(flowToken, phoneId, newPhone, currentCode, newCode,
                        FacesSupport.client());
                case DELETE -> account.deletePhone(flowToken, phoneId, currentCode, FacesSupport.client());
                case DEFAULT -> account.makeDefaultPhone(flowToken, phoneId, currentCode, FacesSupport.client());
            }
            FacesSupport.info("account.phones.done." + mode.name());
            flowToken = null;
            load();
            // the dialog closes on success: the list and the message show on the page; errors stay in the dialog
            PrimeFaces.current().ajax().update("phones");
        } catch (DomainException e) {
            FacesSupport.error(e);
            boolean twoCodes = isTwoNumbers() && getDefaultPhone() != null;
            boolean newCodeWrong = "SMS_CODE_INCORRECT".equals(e.code()) || "SMS_CODE_REQUIRED".equals(e.code());
            // the current phone's code was accepted at step 1, so a wrong code here is the new number's and the
            // current one stays for the next try; any other refusal (a code expired meanwhile) asks for both again
            if (!(twoCodes && newCodeWrong)) {
                currentCode = null;
                if (twoCodes) {
                    step = 1;
                    FacesSupport.info("account.phones.codesAgain");
                }
            }
        } finally {
            newCode = null;
        }
    }

    /** The phone that receives the first code: the one being changed or made default, else the default one. */
    public String getCurrentPhone() {
        if (mode == Mode.MODIFY || mode == Mode.DEFAULT) {
            return phones.stream().filter(p -> phoneId != null && p.id() == phoneId)
                    .map(ProfileView.PhoneView::masked).findFirst().orElse("");
        }
        ProfileView.PhoneView d = getDefaultPhone();
        return d == null ? "" : d.masked();
    }

    public ProfileView.PhoneView getDefaultPhone() {
        return phones.stream().filter(ProfileView.PhoneView::isDefault).findFirst().orElse(null);
    }

    public boolean isTwoNumbers() {
        return mode == Mode.ADD || mode == Mode.MODIFY;
    }

    public List<ProfileView.PhoneView> getPhones() { return phones; }
    public Mode getMode() { return mode; }
    public int getStep() { return step; }
    public String getCurrentCode() { return currentCode; }
    public void setCurrentCode(String currentCode) { this.currentCode = currentCode; }
    public String getNewPhone() { return newPhone; }
    public void setNewPhone(String newPhone) { this.newPhone = newPhone; }
    public String getNewCode() { return newCode; }
    public void setNewCode(String newCode) { this.newCode = newCode; }
}
