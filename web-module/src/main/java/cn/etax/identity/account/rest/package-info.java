/**
 * REST face of the personal account center under {@code /api/v1/me} (API-1): the calls the account pages make, as
 * JSON, protected for role PERSON by web.xml and again by {@code AccountService}'s own {@code @RolesAllowed}.
 */
package cn.etax.identity.account.rest;
