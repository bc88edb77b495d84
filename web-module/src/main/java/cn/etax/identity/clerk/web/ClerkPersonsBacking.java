package cn.etax.identity.clerk.web;

import cn.etax.identity.clerk.application.ClerkPersonService;
import cn.etax.identity.clerk.domain.ClerkRole;
import cn.etax.identity.registration.application.RealNameCollected;
import cn.etax.identity.registration.application.RealNameCollection;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.web.faces.Countries;
import cn.etax.identity.web.faces.FacesSupport;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.function.Supplier;

/**
 * clerk/persons.xhtml: a natural person's business at the counter (§8) — 实名采集 and 人工解锁. Holds no rule;
 * ClerkPersonService checks and records, and its answer is shown.
 */
@Named
@ViewScoped
public class ClerkPersonsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ClerkPersonService persons;

    private String name;
    private IdType idType = IdType.RESIDENT_ID_CARD;
    private String idNumber;
    private String nationality;
    private String phone;
    private RealNameCollected collected;

    private String unlockName;
    private IdType unlockIdType = IdType.RESIDENT_ID_CARD;
    private String unlockIdNumber;
    private ClerkPersonService.PersonUnlocked unlocked;

    public void collect() {
        collected = call(() -> persons.collect(new RealNameCollection(name, idType, idNumber,
                isNationalityAsked() ? nationality : null, phone, null, null), FacesSupport.client()));
        if (collected != null) {
            FacesSupport.info("clerk.collection.done." + collected.outcome(), collected.nameMasked(),
                    collected.documentMasked());
            if (collected.registered()) {
                FacesSupport.info("clerk.collection.registered");
            }
            name = null;
            idNumber = null;
            nationality = null;
            phone = null;
        }
    }

    public void unlock() {
        unlocked = call(() -> persons.unlock(unlockName, unlockIdType, unlockIdNumber, FacesSupport.client()));
        if (unlocked != null) {
            FacesSupport.info(unlocked.wasLocked() ? "clerk.unlock.done" : "clerk.unlock.notLocked",
                    unlocked.nameMasked(), unlocked.documentMasked());
            unlockName = null;
            unlockIdNumber = null;
        }
    }

    private static <T> T call(Supplier<T> action) {
        return ClerkConsoleBacking.call(ClerkRole.REGISTRATION, action);
    }

    public boolean isNationalityAsked() { return idType != null && idType.impliedNationality() == null; }
    public IdType[] getIdTypes() { return IdType.values(); }
    public List<String> getCountries() { return Countries.CODES; }
    public String countryLabel(String code) { return Countries.label(code); }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public IdType getIdType() { return idType; }
    public void setIdType(IdType idType) { this.idType = idType; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    public String getNationality() { return nationality; }
    public void setNationality(String nationality) { this.nationality = nationality; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public RealNameCollected getCollected() { return collected; }
    public String getUnlockName() { return unlockName; }
    public void setUnlockName(String unlockName) { this.unlockName = unlockName; }
    public IdType getUnlockIdType() { return unlockIdType; }
    public void setUnlockIdType(IdType unlockIdType) { this.unlockIdType = unlockIdType; }
    public String getUnlockIdNumber() { return unlockIdNumber; }
    public void setUnlockIdNumber(String unlockIdNumber) { this.unlockIdNumber = unlockIdNumber; }
}
