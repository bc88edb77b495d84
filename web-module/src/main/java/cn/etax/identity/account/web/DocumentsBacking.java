package cn.etax.identity.account.web;

import cn.etax.identity.account.application.AccountService;
import cn.etax.identity.account.application.DocumentForm;
import cn.etax.identity.account.application.DocumentView;
import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.Sessions;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * documents.xhtml (PER-7 个人证件管理): the account's documents; 【添加证件】 opens the form (name, type, number,
 * validity), 【下一步】 has the service check it, then a QR face check in the tax app or the IIT app adds it.
 */
@Named
@ViewScoped
public class DocumentsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AccountService account;

    @Inject
    BusinessClock clock;

    @Inject
    Sessions sessions;

    private List<DocumentView> documents = List.of();
    private boolean adding;
    private boolean checked;
    private String name;
    private IdType idType = IdType.CHINESE_PASSPORT;
    private String idNumber;
    private LocalDate validFrom;
    private LocalDate validUntil;
    private boolean longTerm;
    private final ChangeFlow changes = new ChangeFlow();

    public void load() {
        try {
            documents = account.documents();
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    /** 【添加证件】. */
    public void beginAdd() {
        adding = true;
        checked = false;
    }

    /** 【取消】: back to the list; a face check started is not used. */
    public void cancel() {
        adding = false;
        checked = false;
        changes.reset();
    }

    /** 【下一步】: the service checks the form; the face check comes next. */
    public void next() {
        try {
            account.checkDocument(form());
            checked = true;
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    /** Back from the face-check step to the form. */
    public void edit() {
        checked = false;
        changes.hideQr();
    }

    public void startFaceCheck(String app) {
        changes.startFaceCheck(account, QrApp.valueOf(app));
    }

    /** The page's poll while the QR is shown: a confirmed face check adds the document at once. */
    public void pollFaceCheck() {
        changes.poll(account, () -> {
            documents = account.addDocument(changes.current(), form(), FacesSupport.client());
            sessions.realNameLevelMayHaveRisen(FacesSupport.request());
            changes.reset();
            adding = false;
            checked = false;
            idNumber = null;
            FacesSupport.info("documents.added");
        });
    }

    private DocumentForm form() {
        return new DocumentForm(name, idType, idNumber, validFrom, longTerm ? null : validUntil);
    }

    /** The seven types that can be added online. */
    public List<IdType> getIdTypes() {
        return Arrays.stream(IdType.values()).filter(IdType::registersOnline).toList();
    }

    public String typeLabel(IdType type) {
        return Labels.idType(type);
    }

    public List<DocumentView> getDocuments() { return documents; }
    public boolean isAdding() { return adding; }
    public boolean isChecked() { return checked; }
    public String getQrToken() { return changes.qrToken(); }
    public LocalDate getToday() { return clock.today(); }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public IdType getIdType() { return idType; }
    public void setIdType(IdType idType) { this.idType = idType; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    public LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
    public LocalDate getValidUntil() { return validUntil; }
    public void setValidUntil(LocalDate validUntil) { this.validUntil = validUntil; }
    public boolean isLongTerm() { return longTerm; }
    public void setLongTerm(boolean longTerm) { this.longTerm = longTerm; }
}
