package cn.etax.identity.grant.web;

import cn.etax.identity.grant.application.AuthorisationService;
import cn.etax.identity.grant.application.AuthorisationView;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FacesSupport;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * authorisations/history.xhtml (PER-5 历史管理信息): deleted, withdrawn and rejected authorisations everywhere (全国);
 * 清除记录 hides a row from this list only, the record itself stays.
 */
@Named
@ViewScoped
public class AuthorisationHistoryBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AuthorisationService grants;

    private final AuthorisationQuery query = new AuthorisationQuery(AuthorisationQuery.NATIONWIDE);
    private List<AuthorisationView> rows = List.of();

    public void load() {
        search();
    }

    public void search() {
        try {
            rows = grants.history(query.toFilter());
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public void resetFilter() {
        query.reset();
        search();
    }

    public void clearRecord(AuthorisationView row) {
        try {
            grants.clearRecord(row.id(), FacesSupport.client());
            FacesSupport.info("authorisations.history.cleared");
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
        search();
    }

    public AuthorisationQuery getQuery() { return query; }
    public List<AuthorisationView> getRows() { return rows; }
}
