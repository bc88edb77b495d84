package cn.etax.identity.clerk.web;

import cn.etax.identity.clerk.application.ClerkNonResidentService;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.taxpayer.application.NonResidentView;
import cn.etax.identity.web.faces.FacesSupport;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * clerk/non-residents.xhtml: LOGIN-5 非居民企业身份信息审核 — the applications waiting for review, each approved (the
 * identity code is shown to the clerk and to the applicant) or rejected with a reason. Holds no rule;
 * ClerkNonResidentService decides and records.
 */
@Named
@ViewScoped
public class ClerkNonResidentBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ClerkNonResidentService nonResidents;

    private List<NonResidentView> submitted = List.of();
    private final Map<Long, String> reasons = new HashMap<>();

    public void load() {
        try {
            submitted = nonResidents.submitted();
        } catch (DomainException e) {
            submitted = List.of();
            FacesSupport.error(e);
        } catch (EJBAccessException e) {
            submitted = List.of();
            FacesSupport.info("error.clerk_duty_required");
        }
    }

    /** 审核通过: the code is issued and shown. */
    public void approve(long id) {
        try {
            NonResidentView v = nonResidents.approve(id, FacesSupport.client());
            FacesSupport.info("clerk.nonResident.approved", v.enterpriseName(), v.identityCode());
        } catch (DomainException e) {
            FacesSupport.error(e);
        } catch (EJBAccessException e) {
            FacesSupport.info("error.clerk_duty_required");
        }
        load();
    }

    /** 不予通过, with the reason typed in the row. */
    public void reject(long id) {
        try {
            NonResidentView v = nonResidents.reject(id, reasons.get(id), FacesSupport.client());
            FacesSupport.info("clerk.nonResident.rejected", v.enterpriseName());
            reasons.remove(id);
        } catch (DomainException e) {
            FacesSupport.error(e);
        } catch (EJBAccessException e) {
            FacesSupport.info("error.clerk_duty_required");
        }
        load();
    }

    public List<NonResidentView> getSubmitted() { return submitted; }
    public Map<Long, String> getReasons() { return reasons; }
}
