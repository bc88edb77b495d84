package cn.etax.identity.grant.web;

import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.grant.application.AuthorisationService;
import cn.etax.identity.grant.application.AuthorisationView;
import cn.etax.identity.grant.domain.GrantParty;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FaceCheckPoll;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.Sessions;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * authorisations/pending.xhtml (PER-3 待确认授权): the offers waiting for the person (本省 first), confirmed one by
 * one or in a batch on an information-confirmation panel, then proven by a QR face check in the tax app or the IIT
 * app — skipped when the login itself was by face; rejected one by one. The service checks the proof.
 */
@Named
@ViewScoped
public class PendingAuthorisationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AuthorisationService grants;

    @Inject
    Sessions sessions;

    private final AuthorisationQuery query = new AuthorisationQuery(AuthorisationQuery.PROVINCE);
    private List<AuthorisationView> rows = List.of();
    private List<AuthorisationView> selected = new ArrayList<>();
    private List<AuthorisationView> confirming = List.of();
    private boolean faceCheckRequired;
    private String flowToken;
    private String qrToken;

    public void load() {
        search();
    }

    public void search() {
        try {
            rows = grants.pending(query.toFilter());
            selected = new ArrayList<>(selected.stream().filter(rows::contains).toList());
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public void resetFilter() {
        query.reset();
        search();
    }

    /** Offers the person answers while they last; his own applications wait for the enterprise. */
    public boolean answerable(AuthorisationView row) {
        return row.initiator() != GrantParty.PERSON && row.state() == GrantState.PENDING;
    }

    /** What a row without buttons says: waiting for the enterprise, or expired. */
    public String waiting(AuthorisationView row) {
        return row.state() == GrantState.PENDING ? FacesSupport.text("authorisations.pending.waitingForEnterprise")
                : FacesSupport.text("authorisations.state." + row.state().name());
    }

    /** 【确认】 on one row: the information-confirmation panel for that grant. */
    public void askConfirm(AuthorisationView row) {
        open(List.of(row));
    }

    /** 【批量确认】: the selected offers, or every offer shown when none is selected. */
    public void askBatch() {
        List<AuthorisationView> chosen = (selected.isEmpty() ? rows : selected).stream().filter(this::answerable)
                .toList();
        if (chosen.isEmpty()) {
            FacesSupport.info("authorisations.pending.nothingToConfirm");
            return;
        }
        open(chosen);
    }

    private void open(List<AuthorisationView> chosen) {
        try {
            confirming = chosen;
            flowToken = null;
            qrToken = null;
            faceCheckRequired = grants.confirmationNeedsFaceCheck(sessions.current(FacesSupport.request()));
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    /** 【确认】 on the panel without a face check: only when the login was by face (the service checks it again). */
    public void confirmWithoutFaceCheck() {
        confirm(null);
    }

    /** Starts the QR face check that proves exactly the grants on the panel. */
    public void startFaceCheck(String app) {
        try {
            flowToken = grants.beginConfirmation(ids(), FacesSupport.client());
            qrToken = grants.startConfirmationFaceCheck(flowToken, QrApp.valueOf(app), FacesSupport.client());
        } catch (DomainException e) {
            qrToken = null;
            FacesSupport.error(e);
        }
    }

    /** The page's poll while the QR code is shown: a confirmed face check confirms the grants at once. */
    public void pollFaceCheck() {
        if (qrToken != null && FaceCheckPoll.poll(() -> grants.confirmationFaceCheckState(flowToken),
                () -> confirm(flowToken))) {
            qrToken = null;
        }
    }

    public void cancelConfirm() {
        confirming = List.of();
        flowToken = null;
        qrToken = null;
    }

    public void reject(AuthorisationView row) {
        try {
            grants.reject(row.id(), FacesSupport.client());
            FacesSupport.info("authorisations.pending.rejected");
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
        cancelConfirm();
        search();
    }

    /** 撤回 on one of the person's own applications. */
    public void withdraw(AuthorisationView row) {
        try {
            grants.withdraw(row.id(), FacesSupport.client());
            FacesSupport.info("authorisations.pending.withdrawn");
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
        cancelConfirm();
        search();
    }

    /** The person's own application, still unanswered: his to withdraw. */
    public boolean withdrawable(AuthorisationView row) {
        return row.initiator() == GrantParty.PERSON && row.state() == GrantState.PENDING;
    }

    private void confirm(String proof) {
        try {
            int count = grants.confirm(ids(), proof, sessions.current(FacesSupport.request()), FacesSupport.client())
                    .size();
            sessions.realNameLevelMayHaveRisen(FacesSupport.request());
            FacesSupport.info("authorisations.pending.confirmed", count);
            selected.clear();
            cancelConfirm();
        } catch (DomainException e) {
            FacesSupport.error(e);
            qrToken = null;
        }
        search();
    }

    private List<Long> ids() {
        return confirming.stream().map(AuthorisationView::id).toList();
    }

    public AuthorisationQuery getQuery() { return query; }
    public List<AuthorisationView> getRows() { return rows; }
    public List<AuthorisationView> getSelected() { return selected; }
    public void setSelected(List<AuthorisationView> selected) {
        this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
    }
    public List<AuthorisationView> getConfirming() { return confirming; }
    public boolean isFaceCheckRequired() { return faceCheckRequired; }
    public String getQrToken() { return qrToken; }
}
