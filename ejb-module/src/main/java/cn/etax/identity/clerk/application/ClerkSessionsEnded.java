package cn.etax.identity.clerk.application;

import java.time.Instant;

/**
 * §8: a clerk's sessions opened up to {@code at} end at their next request: his account was stopped, his password
 * reset or changed, or his duties changed. Fired in the changing transaction, observed once it committed.
 */
public record ClerkSessionsEnded(long clerkId, Instant at) {
}
