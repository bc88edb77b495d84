package cn.etax.identity.simulation.web;

import cn.etax.identity.shared.DomainException;
import cn.etax.identity.simulation.application.SimulatorService;
import cn.etax.identity.simulation.domain.SimulatedSms;
import cn.etax.identity.web.faces.FacesSupport;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** sim/sms.xhtml: the SMS gateway simulator's outbox, where a tester reads the codes. */
@Named
@ViewScoped
public class SmsOutboxBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    SimulatorService simulators;

    private String phone;
    private List<SimulatedSms> messages = List.of();

    public void load() {
        try {
            messages = simulators.outbox(phone, 100);
        } catch (DomainException e) {
            messages = List.of();
            FacesSupport.error(e);
        }
    }

    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public List<SimulatedSms> getMessages() { return messages; }
}
