/**
 * Authentication (登录认证): the natural-person login with two factors (LOGIN-1, RULE-2FA), lockout (RULE-LOCK), SMS
 * codes and their quota (RULE-SMS), QR face checks, the anti-automation slider, password recovery (REG-5, REG-6)
 * and the login log (RULE-LOG).
 *
 * <p>Decisions: every counter that enforces a rule lives in the database and is changed under a row lock, so
 * parallel requests, restarts and further nodes never double a limit. An attempt is counted before the secret is
 * checked. Password hashing runs outside any transaction. One-time secrets are stored as keyed digests, bound to
 * the flow (a server-side record behind a random token) and the target they were issued for.
 *
 * <p>Glossary: 短信验证码 SMS code ({@code SecretKind.SMS_CODE}); 滑块验证 slider ({@code HumanCheckService});
 * 扫码刷脸 QR face check ({@code QrChallenge}); 账号锁定 lockout ({@code LoginGuard}); 登录日志 login log
 * ({@code LoginRecord}); 初始密码 initial password of migrated persons.
 */
package cn.etax.identity.authentication;
