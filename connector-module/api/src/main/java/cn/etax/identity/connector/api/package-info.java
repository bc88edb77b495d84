/**
 * What business code sees of the certificate hardware (§9): a {@link cn.etax.identity.connector.api.TokenConnectionFactory}
 * found in JNDI, pooled {@link cn.etax.identity.connector.api.TokenConnection}s, plain value records and checked
 * exceptions. Nothing here is a Jakarta Connectors type, so the EJBs compile against this jar only and the adapter
 * behind it (PKCS#11 module, HSM, Bouncy Castle soft token) is chosen by configuration.
 * <p>
 * Glossary: token (令牌, a UKey / Golden Tax disk / HSM slot / soft key store holding keys and certificates),
 * PIN (证书口令), alias (the name of one key + certificate pair on a token).
 */
package cn.etax.identity.connector.api;
