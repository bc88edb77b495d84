/**
 * Cross-region subjects (特定主体): an enterprise of another region reporting cross-region tax matters here
 * (跨区域报验户) or registered here for a tax source (跨区税源登记纳税人), each with the handler (经办人) its report form
 * names. Pushed by the core tax system; they decide who may log in at the special-subject entry (LOGIN-4).
 */
package cn.etax.identity.crossregion.domain;
