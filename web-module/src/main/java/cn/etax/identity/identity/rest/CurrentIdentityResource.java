package cn.etax.identity.identity.rest;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.crossregion.application.CrossRegionIdentity;
import cn.etax.identity.crossregion.application.CrossRegionRole;
import cn.etax.identity.crossregion.domain.CrossRegionKind;
import cn.etax.identity.grant.application.AgentIdentity;
import cn.etax.identity.grant.application.EnterpriseIdentity;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.identity.application.CurrentIdentityCheck;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.web.rest.Clients;
import cn.etax.identity.web.security.Sessions;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Set;

/** {@code GET /api/v1/me/identity}: who the session acts as, read from the server-side session only. */
@ApplicationScoped
@Path("v1/me/identity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "identity", description = "Current identity (LOGIN-2)")
public class CurrentIdentityResource {

    @EJB
    CurrentIdentityCheck identities;

    @Inject
    Sessions sessions;

    @Context
    HttpServletRequest request;

    /** The taxpayer of an enterprise session; its name masked (RULE-MASK). */
    public record Taxpayer(long id, String creditCode, String name) {
    }

    /** LOGIN-3: the agency an agent acts for, and the mandate he acts under. */
    public record Agency(String creditCode, String name, long mandateId) {
    }

    /** LOGIN-4: the cross-region subject of the session — type, number, where, and as whom. */
    public record CrossRegion(CrossRegionKind kind, String number, String region, String taxAuthority,
                              CrossRegionRole role) {
    }

    /**
     * {@code taxpayer}, {@code identityType} and {@code permissions} are absent after a natural-person login. After the
     * agent entry {@code taxpayer} is the client, {@code agency} is set and {@code identityType} absent (AGT-4). After
     * the special-subject entry (LOGIN-4) {@code taxpayer} is the subject's taxpayer and {@code crossRegion} is set.
     */
    public record CurrentIdentity(long personId, String name, int realNameLevel, Taxpayer taxpayer,
                                  IdentityType identityType, Set<Permission> permissions, Agency agency,
                                  CrossRegion crossRegion) {
    }

    @GET
    @Operation(summary = "The person, and after the enterprise login the taxpayer, identity type and permissions as they "
            + "stand now; 403 CURRENT_IDENTITY_UNAVAILABLE once the grant, mandate or subject no longer lets the person act")
    public CurrentIdentity identity() {
        AuthenticatedPerson person = sessions.current(request);
        if (person == null) {
            throw new NotAuthorizedException("session");
        }
        return view(identities.asOfNow(person, Clients.of(request)));
    }

    /**
     * The end of every identity switch over REST (ENT-9, AGT-3, LOGIN-4): the session acts as {@code next} from now on
     * (its id changes); answers the new identity, or 401 when the session has ended meanwhile.
     */
    public static CurrentIdentity switched(Sessions sessions, HttpServletRequest request, AuthenticatedPerson next) {
        if (!sessions.switched(request, next)) {
            throw new NotAuthorizedException("session");
        }
        return view(next);
    }

    /** The identity as REST shows it; the person's name masked (RULE-MASK). */
    public static CurrentIdentity view(AuthenticatedPerson person) {
        EnterpriseIdentity e = person.enterprise();
        AgentIdentity a = person.agent();
        CrossRegionIdentity c = person.crossRegion();
        if (c != null) {
            return new CurrentIdentity(person.personId(), Masking.name(person.name()), person.realNameLevel(),
                    new Taxpayer(c.taxpayerId(), c.creditCode(), c.taxpayerName()), null, c.permissions(), null,
                    new CrossRegion(c.kind(), c.number(), c.region(), c.taxAuthority(), c.role()));
        }
        if (a != null) {
            return new CurrentIdentity(person.personId(), Masking.name(person.name()), person.realNameLevel(),
                    new Taxpayer(a.clientTaxpayerId(), a.clientCreditCode(), a.clientName()), null, a.permissions(),
                    new Agency(a.agencyCreditCode(), a.agencyName(), a.mandateId()), null);
        }
        if (e == null) {
            return new CurrentIdentity(person.personId(), Masking.name(person.name()), person.realNameLevel(), null,
                    null, null, null, null);
        }
        return new CurrentIdentity(person.personId(), Masking.name(person.name()), person.realNameLevel(),
                new Taxpayer(e.taxpayerId(), e.creditCode(), e.taxpayerName()), e.identityType(), e.permissions(),
                null, null);
    }
}
