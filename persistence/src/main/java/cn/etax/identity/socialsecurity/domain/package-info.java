/**
 * LOGIN-10 社保费登录: the social-security fee payers the fee collection system registers, and the accounts they log
 * in with at the portal's no-login area.
 */
package cn.etax.identity.socialsecurity.domain;
