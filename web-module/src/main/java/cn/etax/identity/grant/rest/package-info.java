/**
 * REST face of grant management (API-1): the enterprise side under {@code /api/v1/me/enterprises/{creditCode}/staff}
 * (ENT-2..ENT-5; until the enterprise login exists the caller is a logged-in person naming the taxpayer, and the
 * services check that he manages it) and the person side under {@code /api/v1/me/grants} (PER-2..PER-5). No rule
 * lives here: convert the input, call one service method, return masked views.
 */
package cn.etax.identity.grant.rest;
