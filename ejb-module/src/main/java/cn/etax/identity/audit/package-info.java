/**
 * Audit (审计): who did what to which target, when and from where, written in the same transaction as the change.
 * Records never carry a secret or a full ID number.
 */
package cn.etax.identity.audit;
