package cn.etax.identity.clerk.application;

import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.clerk.domain.Clerk;
import cn.etax.identity.clerk.domain.ClerkRole;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.taxpayer.application.NonResidentService;
import cn.etax.identity.taxpayer.application.NonResidentView;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * LOGIN-5 at the tax office: the non-resident enterprise applications waiting for review (非居民企业身份信息审核),
 * approved — the identity code issued — or rejected with a reason. Registration clerks of the deployment's province
 * only ({@code TAXPAYER_OUTSIDE_JURISDICTION}: the enterprise is registered there); every decision and refusal is
 * recorded with the clerk and his office.
 */
@Stateless
@DeclareRoles({ClerkRole.CLERK, ClerkRole.REGISTRATION, ClerkRole.GRANTS, ClerkRole.ADMIN})
@RolesAllowed(ClerkRole.CLERK)
public class ClerkNonResidentService {

    @Resource
    SessionContext context;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    NonResidentService nonResidents;

    @EJB
    AuditService audit;

    /** The deployment's province: the non-resident enterprises it approves are registered there (§8 jurisdiction). */
    @Inject
    @ConfigProperty(name = "identity.home-province", defaultValue = "36")
    String homeProvince;

    @RolesAllowed(ClerkRole.REGISTRATION)
    public List<NonResidentView> submitted() {
        ClerkCaller.requireProvince(ClerkCaller.of(context, em), homeProvince);
        return nonResidents.submitted();
    }

    @RolesAllowed(ClerkRole.REGISTRATION)
    public NonResidentView approve(long applicationId, ClientContext client) {
        Clerk clerk = ClerkCaller.of(context, em);
        return ClerkRefusals.audited(audit, clerk, "non-resident:" + applicationId, client, () -> {
            ClerkCaller.requireProvince(clerk, homeProvince);
            NonResidentView view = nonResidents.approve(applicationId, clerk.id(), clerk.taxOfficeCode(),
                    clerk.taxOfficeName(), client);
            audit.record(null, "CLERK_NON_RESIDENT_APPROVED", "taxpayer:" + view.identityCode(), clerk.describe()
                    + ": application " + applicationId + ", " + view.country(), client);
            return view;
        });
    }

    @RolesAllowed(ClerkRole.REGISTRATION)
    public NonResidentView reject(long applicationId, String reason, ClientContext client) {
        Clerk clerk = ClerkCaller.of(context, em);
        return ClerkRefusals.audited(audit, clerk, "non-resident:" + applicationId, client, () -> {
            ClerkCaller.requireProvince(clerk, homeProvince);
            NonResidentView view = nonResidents.reject(applicationId, reason, clerk.id());
            audit.record(null, "CLERK_NON_RESIDENT_REJECTED", "non-resident:" + applicationId, clerk.describe()
                    + ": " + view.rejectionReason(), client);
            return view;
        });
    }
}
