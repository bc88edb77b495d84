/**
 * Pages of the personal account center (PER-1 with deregistration REG-7, PER-8, ENT-6 personal part) under
 * {@code /account/}: profile with the "eye" (RULE-MASK), password change (RULE-PWD), phones (RULE-PHONE), username,
 * email and address (RULE-USER), deregistration, login log (RULE-LOG). Bundle keys start with {@code account.}, {@code realName.}
 * and {@code loginLog.}.
 *
 * <p>The beans hold no rule: every action is one call to {@code AccountService}, which takes the person from the
 * container principal. Changes proven by SMS or face run in a flow that a dialog starts when it opens and drops when
 * it closes, so a code asked for in one dialog never proves another change.
 */
package cn.etax.identity.account.web;
