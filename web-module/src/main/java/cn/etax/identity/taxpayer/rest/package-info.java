/**
 * The taxpayer registry's REST boundary (API-3): converts requests into sync-service calls, nothing more; the shared
 * secret is checked by the service.
 */
package cn.etax.identity.taxpayer.rest;
