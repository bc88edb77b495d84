/**
 * Account centers (账户中心): the natural person's own data (PER-1, ENT-6), masked with audited reveals (RULE-MASK),
 * phones (RULE-PHONE), username (RULE-USER), password changes and the login log (PER-8). The person is always the
 * authenticated caller; no method takes a person id from outside.
 *
 * <p>Glossary: 自然人用户 {@code Person}; 手机号码 {@code PersonPhone}; 信息完整度 completeness; 脱敏 masking.
 */
package cn.etax.identity.account;
