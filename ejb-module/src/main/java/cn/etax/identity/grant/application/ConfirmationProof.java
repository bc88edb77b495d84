package cn.etax.identity.grant.application;

import cn.etax.identity.account.application.PersonDirectory;
import cn.etax.identity.account.domain.Person;
import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.authentication.application.FlowService;
import cn.etax.identity.authentication.application.QrCheckService;
import cn.etax.identity.authentication.domain.AuthFlow;
import cn.etax.identity.authentication.domain.AuthMethod;
import cn.etax.identity.authentication.domain.FlowKind;
import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.authentication.domain.QrState;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.PersonalDataProtector;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * PER-3: the face check that proves a confirmation of grants (刷脸确认). A proof is a grant-confirmation flow bound to
 * one person and to exactly the grants he is about to confirm (one or a batch), with a QR face check confirmed in
 * the tax app or the IIT app; it is used once. A login by face is proof enough ("通过人脸认证方式登录电子税务局的无需
 * 重复刷脸确认"); how the session logged in is read from the session's record of the login, checked to be the
 * caller's own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ConfirmationProof {

    @EJB
    FlowService flows;

    @EJB
    QrCheckService qr;

    @EJB
    PersonDirectory directory;

    @Inject
    PersonalDataProtector protector;

    /** Opens a proof for these grants of this person; answers the flow token. */
    public String begin(Person person, Collection<Long> grantIds, ClientContext client) {
        FlowService.Started started = flows.start(FlowKind.GRANT_CONFIRMATION, client);
        started.flow().bindPerson(person.id());
        started.flow().bindTo(bound(person.id(), grantIds));
        return started.token();
    }

    /** Shows a QR code for the person's face check in the proof's flow; answers the QR token. */
    public String startFaceCheck(Person person, String flowToken, QrApp app, ClientContext client) {
        AuthFlow flow = own(person.id(), flowToken);
        return qr.start(flow.tokenDigest(), app == null ? QrApp.TAX_APP : app, FlowKind.GRANT_CONFIRMATION,
                person.idDigest(), Masking.name(person.name()), client);
    }

    public QrState faceCheckState(long personId, String flowToken) {
        return qr.stateOfFlow(own(personId, flowToken).tokenDigest());
    }

    /**
     * The confirmation of these grants is proven, or this throws: by the login itself when it was by face, otherwise
     * by the proof's confirmed face check, which is consumed with its flow. Answers how it was proven (for the audit).
     */
    public String consume(long personId, Collection<Long> grantIds, String flowToken, AuthenticatedPerson login) {
        return consume(personId, grantIds, flowToken, loggedInByFace(personId, login));
    }

    /**
     * As above, for a confirmation inside a login that has not made a session yet (LOGIN-2): {@code loginByFace} says
     * whether that login's own second factor was a face check.
     */
    public String consume(long personId, Collection<Long> grantIds, String flowToken, boolean loginByFace) {
        if (loginByFace) {
            return "login by face";
        }
        if (flowToken == null || flowToken.isBlank()) {
            throw new AuthenticationFailedException("GRANT_FACE_CHECK_REQUIRED");
        }
        AuthFlow flow = own(personId, flowToken);
        if (!bound(personId, grantIds).equals(flow.boundTo())) {
            throw new ForbiddenException("GRANT_FACE_CHECK_OTHER_GRANTS");
        }
        QrApp app = qr.consumeConfirmed(flow.tokenDigest());
        flow.complete();
        directory.get(personId).passFaceCheck(); // RULE-RN: the risky operation's face check raises level 3 to 4
        return "QR face check in " + app;
    }

    static boolean loggedInByFace(long personId, AuthenticatedPerson login) {
        return login != null && login.personId() == personId && login.methods() != null
                && login.methods().stream().anyMatch(ConfirmationProof::isFaceCheck);
    }

    /** The QR scan with a live-face check in the tax app or the IIT app. */
    public static boolean isFaceCheck(AuthMethod method) {
        return method == AuthMethod.TAX_APP_FACE || method == AuthMethod.IIT_APP;
    }

    private AuthFlow own(long personId, String flowToken) {
        AuthFlow flow = flows.find(flowToken, FlowKind.GRANT_CONFIRMATION);
        if (flow.personId() == null || flow.personId() != personId) {
            throw new ForbiddenException("FLOW_INVALID");
        }
        return flow;
    }

    /** The same set of grants gives the same digest whatever the order; another person's or another set, not. */
    private String bound(long personId, Collection<Long> grantIds) {
        return protector.digest("grant-confirmation", personId + ":" + grantIds.stream().distinct().sorted()
                .map(String::valueOf).collect(Collectors.joining(",")));
    }
}
