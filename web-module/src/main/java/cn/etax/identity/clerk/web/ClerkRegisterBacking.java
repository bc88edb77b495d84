package cn.etax.identity.clerk.web;

import cn.etax.identity.clerk.application.AuthenticatedClerk;
import cn.etax.identity.clerk.application.ClerkTaxpayerService;
import cn.etax.identity.clerk.domain.ClerkRole;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.taxpayer.application.SyncInvestor;
import cn.etax.identity.taxpayer.application.SyncPerson;
import cn.etax.identity.taxpayer.application.TaxpayerGrants;
import cn.etax.identity.taxpayer.application.TaxpayerRegistration;
import cn.etax.identity.taxpayer.domain.Provinces;
import cn.etax.identity.taxpayer.domain.TaxpayerKind;
import cn.etax.identity.taxpayer.domain.VatQualification;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.Sessions;
import jakarta.ejb.EJB;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The console's registration page (新办纳税人信息确认, §8, REG-8): taxpayer data, legal representative, optional
 * finance officer, investors. On success the taxpayer page opens with the resulting grants.
 */
@Named
@ViewScoped
public class ClerkRegisterBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient ClerkTaxpayerService taxpayers;

    @Inject
    Sessions sessions;

    private String creditCode;
    private String name;
    private TaxpayerKind kind = TaxpayerKind.ORDINARY;
    private String taxAuthorityCode;
    private String taxAuthorityName;
    private String provinceCode;
    private String registrationType;
    private String industry;
    private VatQualification vatQualification;
    private LocalDate registeredOn;
    private String businessAddress;
    private final PersonRow legal = new PersonRow();
    private final PersonRow finance = new PersonRow();
    private final List<InvestorRow> investors = new ArrayList<>();

    public String register() {
        if (!ClerkConsoleBacking.dutyHeld(ClerkRole.REGISTRATION)) {
            return null;
        }
        try {
            TaxpayerGrants done = taxpayers.register(new TaxpayerRegistration(null, creditCode, name, kind,
                    taxAuthorityCode, taxAuthorityName, provinceCode, Provinces.name(provinceCode).orElse(null), registrationType, industry,
                    vatQualification, businessAddress, registeredOn, null, legal.toSync(), finance.isBlank() ? null : finance.toSync(),
                    investors.stream().filter(i -> !i.isBlank()).map(InvestorRow::toSync).toList()),
                    FacesSupport.client());
            return "/clerk/index?faces-redirect=true&registered=true&code=" + done.creditCode();
        } catch (EJBAccessException e) {
            FacesSupport.error(new ForbiddenException("CLERK_DUTY_REQUIRED"));
            return null;
        } catch (DomainException e) {
            FacesSupport.error(e);
            return null;
        }
    }

    public void addInvestor() {
        investors.add(new InvestorRow());
    }

    public void removeInvestor(InvestorRow row) {
        investors.remove(row);
    }

    public TaxpayerKind[] getKinds() { return TaxpayerKind.values(); }
    public VatQualification[] getVatQualifications() { return VatQualification.values(); }
    public IdType[] getIdTypes() { return IdType.values(); }

    /** A person named in the registration: name and ID document. */
    public static class PersonRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private IdType idType = IdType.RESIDENT_ID_CARD;
        private String idNumber;

        boolean isBlank() {
            return (name == null || name.isBlank()) && (idNumber == null || idNumber.isBlank());
        }

        SyncPerson toSync() {
            return new SyncPerson(name, idType, idNumber);
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public IdType getIdType() { return idType; }
        public void setIdType(IdType idType) { this.idType = idType; }
        public String getIdNumber() { return idNumber; }
        public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    }

    /** An investor (投资方): name, document type as written, number, share. */
    public static class InvestorRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private String documentType;
        private String documentNumber;
        private BigDecimal sharePercent;

        boolean isBlank() {
            return name == null || name.isBlank();
        }

        SyncInvestor toSync() {
            return new SyncInvestor(name.strip(), documentType, documentNumber, sharePercent);
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getDocumentType() { return documentType; }
        public void setDocumentType(String documentType) { this.documentType = documentType; }
        public String getDocumentNumber() { return documentNumber; }
        public void setDocumentNumber(String documentNumber) { this.documentNumber = documentNumber; }
        public BigDecimal getSharePercent() { return sharePercent; }
        public void setSharePercent(BigDecimal sharePercent) { this.sharePercent = sharePercent; }
    }

    public String getCreditCode() { return creditCode; }
    public void setCreditCode(String creditCode) { this.creditCode = creditCode; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public TaxpayerKind getKind() { return kind; }
    public void setKind(TaxpayerKind kind) { this.kind = kind; }
    public String getTaxAuthorityCode() { return taxAuthorityCode; }
    public void setTaxAuthorityCode(String taxAuthorityCode) { this.taxAuthorityCode = taxAuthorityCode; }
    public String getTaxAuthorityName() { return taxAuthorityName; }
    public void setTaxAuthorityName(String taxAuthorityName) { this.taxAuthorityName = taxAuthorityName; }
    public String getProvinceCode() { return provinceCode; }
    public void setProvinceCode(String provinceCode) { this.provinceCode = provinceCode; }
    public List<String> getProvinceCodes() { return List.copyOf(Provinces.all().keySet()); }

    /** The province of the clerk's own office by default (digits 2-3 of a tax authority code). */
    @PostConstruct
    void init() {
        AuthenticatedClerk clerk = sessions.currentClerk(FacesSupport.request());
        String office = clerk == null ? null : clerk.taxOfficeCode();
        if (office != null && office.length() >= 3 && Provinces.name(office.substring(1, 3)).isPresent()) {
            provinceCode = office.substring(1, 3);
        }
    }
    public String getRegistrationType() { return registrationType; }
    public void setRegistrationType(String registrationType) { this.registrationType = registrationType; }
    public String getIndustry() { return industry; }
    public void setIndustry(String industry) { this.industry = industry; }
    public VatQualification getVatQualification() { return vatQualification; }
    public void setVatQualification(VatQualification v) { this.vatQualification = v; }
    public LocalDate getRegisteredOn() { return registeredOn; }
    public void setRegisteredOn(LocalDate registeredOn) { this.registeredOn = registeredOn; }
    public String getBusinessAddress() { return businessAddress; }
    public void setBusinessAddress(String businessAddress) { this.businessAddress = businessAddress; }
    public PersonRow getLegal() { return legal; }
    public PersonRow getFinance() { return finance; }
    public List<InvestorRow> getInvestors() { return investors; }
}
