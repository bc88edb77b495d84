package cn.etax.identity.account.web;

import cn.etax.identity.account.application.AccountService;
import cn.etax.identity.account.application.ProfileView;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FacesSupport;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;

/** info.xhtml (ENT-6, RULE-USER): username (once a year), email and address. Current values are shown masked. */
@Named
@ViewScoped
public class InfoBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AccountService account;

    private ProfileView profile;
    private String username;
    private String email;
    private String address;

    public void load() {
        try {
            profile = account.profile();
            username = profile.username();
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public void changeUsername() {
        try {
            account.changeUsername(username, FacesSupport.client());
            FacesSupport.info("account.info.saved");
            load();
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public void changeEmail() {
        try {
            account.changeEmail(email, FacesSupport.client());
            FacesSupport.info("account.info.saved");
            email = null;
            load();
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public void changeAddress() {
        try {
            account.changeAddress(address, FacesSupport.client());
            FacesSupport.info("account.info.saved");
            address = null;
            load();
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public ProfileView getProfile() { return profile; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
}
