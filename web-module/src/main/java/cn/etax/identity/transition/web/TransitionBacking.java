package cn.etax.identity.transition.web;

import cn.etax.identity.transition.application.TransitionService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.time.LocalDate;

/** LOGIN-11 on the pages: whether the old entry (旧版登录) is still offered today, and its last day. */
@Named
@RequestScoped
public class TransitionBacking {

    @EJB
    TransitionService transition;

    public boolean isOpen() {
        return transition.open();
    }

    public LocalDate getLastDay() {
        return transition.period().lastDay();
    }
}
