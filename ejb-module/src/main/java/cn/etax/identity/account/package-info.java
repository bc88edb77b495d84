/**
 * Account centers (账户中心): the natural person's own data (PER-1, ENT-6), masked with audited reveals (RULE-MASK),
 * phones (RULE-PHONE), username (RULE-USER), password changes and the login log (PER-8). The person is always the
 * authenticated caller; no method takes a person id from outside. The enterprise account center (ENT-1, ENT-2
 * templates, ENT-10) acts in the session's current enterprise identity, re-checked against the caller's own grant at
 * every call; what a tax officer or invoicer may see is decided in {@code EnterpriseCenterService}.
 *
 * <p>Glossary: 自然人用户 {@code Person}; 手机号码 {@code PersonPhone}; 信息完整度 completeness; 脱敏 masking;
 * 企业基本信息 {@code EnterpriseInfoView}; 权限身份 {@code PermissionTemplate}; 日志管理 login log.
 */
package cn.etax.identity.account;
