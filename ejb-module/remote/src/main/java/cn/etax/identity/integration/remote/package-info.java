/**
 * The remote views of the integration services (API-1, API-2), deployed only in the EAR on a full server: Payara
 * Micro has no ORB and refuses a bean with a {@code @Remote} view, so this module is never in the WAR.
 *
 * <p>Each bean implements one interface of the published contract ({@code ejb-client}), is open to the role
 * {@code INTEGRATOR} only (mapped to a group of the server's realm in {@code glassfish-application.xml}; an
 * anonymous IIOP call is refused by the container) and delegates to a local service of {@code ejb-module}. Business
 * failures cross the wire as {@code IdentityQueryException} carrying the same stable code the REST API answers with,
 * so a client never needs the platform's own exception classes.
 */
package cn.etax.identity.integration.remote;
