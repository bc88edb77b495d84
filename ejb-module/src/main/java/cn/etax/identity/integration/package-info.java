/**
 * What integrators ask the platform (API-1, API-2): grant queries and the current-identity lookup, answered in the
 * records of the published contract ({@code cn.etax.identity.remote}, module {@code ejb-client}).
 *
 * <p>Decisions: the services here are local, read-only and open to the role {@code INTEGRATOR} only; the remote views
 * that delegate to them live in module {@code ejb-remote}, which only the EAR carries, because Payara Micro has no ORB
 * and refuses to deploy a bean with a remote view. Every answer is judged at the moment of the call on the business
 * clock, with the same grant state machine the account centers use: frozen, expired, pending and ended grants never
 * count. Names leave masked (RULE-MASK).
 *
 * <p>Glossary: 集成方 integrator; 当前身份 current identity; 办税人员 staff; 可代表 may act for.
 */
package cn.etax.identity.integration;
