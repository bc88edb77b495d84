package cn.etax.identity.account.web;

import cn.etax.identity.grant.application.MandateView;
import cn.etax.identity.grant.domain.MandateState;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FacesSupport;

import java.io.Serializable;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the two mandate lists of ENT-8 share — 我的代理机构 (the client's) and 被代理信息查看 (the agency's): a step on
 * one mandate with its message and the list read again, the buttons a row offers, the scope in the page's language.
 */
public abstract class MandateRows implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Reads the list again. */
    public abstract void load();

    /** Runs the step; its message or its refusal's, then the list as it is now. */
    protected void act(Runnable step, String doneKey) {
        try {
            step.run();
            FacesSupport.info(doneKey);
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
        load();
    }

    /** A list, or none with the refusal's message. */
    static <T> List<T> listed(Supplier<List<T>> list) {
        try {
            return list.get();
        } catch (DomainException e) {
            FacesSupport.error(e);
            return List.of();
        }
    }

    public boolean isPending(MandateView m) {
        return m != null && m.state() == MandateState.PENDING;
    }

    public boolean isRecognised(MandateView m) {
        return m != null && m.state() == MandateState.RECOGNISED;
    }

    public String scope(MandateView m) {
        return Labels.permissions(m.scope());
    }
}
