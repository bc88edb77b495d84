/**
 * The current identity over REST (身份: who the caller acts as). After the enterprise login (LOGIN-2) the session
 * carries the person, the taxpayer, the identity type and its permissions; after the natural-person login only the
 * person. Identity switching (身份切换) will live in this context too.
 */
package cn.etax.identity.identity.rest;
