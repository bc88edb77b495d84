package cn.etax.identity.taxpayer.web;

import cn.etax.identity.shared.DomainException;
import cn.etax.identity.taxpayer.application.NonResidentForm;
import cn.etax.identity.taxpayer.application.NonResidentService;
import cn.etax.identity.taxpayer.application.NonResidentView;
import cn.etax.identity.web.faces.FacesSupport;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * account/nonresident.xhtml: LOGIN-5 非居民企业身份信息采集 — an overseas natural person submits a non-resident
 * enterprise's information and follows it; once approved the page shows the identity code for the non-resident
 * entry. Holds no rule; NonResidentService decides.
 */
@Named
@ViewScoped
public class NonResidentBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    NonResidentService nonResidents;

    private String enterpriseName;
    private String country;
    private String registrationNumber;
    private String address;
    private List<NonResidentView> applications = List.of();
    private boolean mayApply;

    public void load() {
        try {
            mayApply = nonResidents.mayApply();
            applications = nonResidents.mine();
        } catch (DomainException e) {
            applications = List.of();
            FacesSupport.error(e);
        }
    }

    /** 提交: the form goes to the tax office for review. */
    public void submit() {
        try {
            nonResidents.submit(new NonResidentForm(enterpriseName, country, registrationNumber, address),
                    FacesSupport.client());
            FacesSupport.info("nonResident.submitted");
            enterpriseName = null;
            country = null;
            registrationNumber = null;
            address = null;
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
        load();
    }

    public String getEnterpriseName() { return enterpriseName; }
    public void setEnterpriseName(String enterpriseName) { this.enterpriseName = enterpriseName; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getRegistrationNumber() { return registrationNumber; }
    public void setRegistrationNumber(String registrationNumber) { this.registrationNumber = registrationNumber; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public List<NonResidentView> getApplications() { return applications; }
    /** Only an overseas natural person applies (NON_RESIDENT_OVERSEAS_ONLY): others see why instead of a form. */
    public boolean isMayApply() { return mayApply; }
}
