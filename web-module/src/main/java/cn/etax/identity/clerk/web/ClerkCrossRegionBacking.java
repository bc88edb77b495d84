package cn.etax.identity.clerk.web;

import cn.etax.identity.clerk.application.ClerkTaxpayerService;
import cn.etax.identity.clerk.domain.ClerkRole;
import cn.etax.identity.crossregion.domain.CrossRegionKind;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.taxpayer.application.CrossRegionSubjectMessage;
import cn.etax.identity.taxpayer.application.SyncAnswer;
import cn.etax.identity.web.faces.FacesSupport;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The console's 跨区域涉税事项报验 card (§8, LOGIN-4): the report form of the taxpayer shown, registered at the
 * clerk's office. Holds no rule; ClerkTaxpayerService checks and records.
 */
@Named
@ViewScoped
public class ClerkCrossRegionBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient ClerkTaxpayerService taxpayers;

    private CrossRegionKind kind = CrossRegionKind.INSPECTION;
    private String number;
    private String province;
    private String city;
    private String district;
    private String handlerName;
    private String handlerPhone;
    private LocalDate validFrom;
    private LocalDate validUntil;
    private boolean closed;

    public void register(String creditCode) {
        if (!ClerkConsoleBacking.dutyHeld(ClerkRole.REGISTRATION)) {
            return;
        }
        try {
            SyncAnswer answer = taxpayers.registerCrossRegion(creditCode, new CrossRegionSubjectMessage(null, kind,
                    number, creditCode, province, city, district, null, handlerName, handlerPhone, validFrom,
                    validUntil, closed), FacesSupport.client());
            FacesSupport.info("clerk.crossRegion.done." + answer.outcome(), number);
            number = null;
            handlerName = null;
            handlerPhone = null;
            closed = false;
        } catch (EJBAccessException e) {
            FacesSupport.error(new ForbiddenException("CLERK_DUTY_REQUIRED"));
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public CrossRegionKind[] getKinds() { return CrossRegionKind.values(); }
    public CrossRegionKind getKind() { return kind; }
    public void setKind(CrossRegionKind kind) { this.kind = kind; }
    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public String getProvince() { return province; }
    public void setProvince(String province) { this.province = province; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getDistrict() { return district; }
    public void setDistrict(String district) { this.district = district; }
    public String getHandlerName() { return handlerName; }
    public void setHandlerName(String handlerName) { this.handlerName = handlerName; }
    public String getHandlerPhone() { return handlerPhone; }
    public void setHandlerPhone(String handlerPhone) { this.handlerPhone = handlerPhone; }
    public LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
    public LocalDate getValidUntil() { return validUntil; }
    public void setValidUntil(LocalDate validUntil) { this.validUntil = validUntil; }
    public boolean isClosed() { return closed; }
    public void setClosed(boolean closed) { this.closed = closed; }
}
