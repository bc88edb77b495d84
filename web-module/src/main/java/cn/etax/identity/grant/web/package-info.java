/**
 * Pages of the personal account center's enterprise authorisations (企业授权管理, PER-2..PER-5): 申请企业授权
 * (apply), 待确认授权 (pending, confirmed one by one or in a batch after a QR face check), 已授权企业 (authorised
 * enterprises with 同步数据 and delete) and 历史管理信息 (history with 清除记录). Backing beans convert input and call
 * one {@code AuthorisationService} method; every rule, the face-check proof included, is checked there.
 */
package cn.etax.identity.grant.web;
