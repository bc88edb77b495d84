-- RULE-LOCK: wrong codes on the way that lifts a lock (REG-5 忘记密码 by SMS, the fee payer's 找回密码) are counted on
-- a counter of their own, which closes that way for the day and never locks the account (ConsecutiveFailures).
alter table login_guard add column recovery_failures integer default 0 not null;
alter table fee_payer_login_guard add column recovery_failures integer default 0 not null;
alter table clerk_login_guard add column recovery_failures integer default 0 not null;
alter table legacy_enterprise_password add column recovery_failures integer default 0 not null;
