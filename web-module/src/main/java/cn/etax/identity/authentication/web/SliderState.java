package cn.etax.identity.authentication.web;

import cn.etax.identity.authentication.application.HumanCheckService;

import java.io.Serializable;

/**
 * The anti-automation slider as a page holds it: the challenge token, where the gap is, where the person dragged
 * the handle. Rendered by WEB-INF/includes/slider.xhtml; a new challenge after every answer.
 */
public final class SliderState implements Serializable {

    private static final long serialVersionUID = 1L;

    private String token;
    private int gap;
    private Integer value = 0;

    public void renew(HumanCheckService humanCheck) {
        HumanCheckService.Challenge challenge = humanCheck.issue();
        token = challenge.token();
        gap = challenge.position();
        value = 0;
    }

    public String token() {
        return token;
    }

    public int getGap() {
        return gap;
    }

    public Integer getValue() {
        return value;
    }

    public void setValue(Integer value) {
        this.value = value;
    }
}
