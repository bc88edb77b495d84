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
 * authorisations/authorised.xhtml (PER-4 已授权企业): relationships in force, 本省 first; 同步数据 checks one against
 * the taxpayer registry and pushes it again; 删除 ends it (the service refuses the legal representative's own).
 */
@Named
@ViewScoped
public class AuthorisedEnterprisesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AuthorisationService grants;

    private final AuthorisationQuery query = new AuthorisationQuery(AuthorisationQuery.PROVINCE);
    private List<AuthorisationView> rows = List.of();

    public void load() {
        search();
    }

    public void search() {
        try {
            rows = grants.authorised(query.toFilter());
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public void resetFilter() {
        query.reset();
        search();
    }

    public void sync(AuthorisationView row) {
        try {
            grants.sync(row.id(), FacesSupport.client());
            FacesSupport.info("authorisations.authorised.synced", row.creditCode());
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
        search();
    }

    public void delete(AuthorisationView row) {
        try {
            grants.delete(row.id(), FacesSupport.client());
            FacesSupport.info("authorisations.authorised.deleted", row.creditCode());
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
        search();
    }

    public AuthorisationQuery getQuery() { return query; }
    public List<AuthorisationView> getRows() { return rows; }
}
