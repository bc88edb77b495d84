package cn.etax.identity.registration.application;

/**
 * Fired synchronously, inside the registering transaction, once a new person is persisted: other contexts attach
 * what waited for him (grants kept on his document digest, REG-8) without registration knowing them.
 */
public record PersonRegistered(long personId, String idDigest) {
}
