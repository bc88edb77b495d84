package cn.etax.identity.web.rest;

/** Every API error: a stable code for programs and the page's message for people. */
public record ErrorBody(String code, String message) {
}
