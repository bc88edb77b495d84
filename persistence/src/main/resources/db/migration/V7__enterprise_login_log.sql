-- ENT-10: a login through the enterprise entry remembers the taxpayer, so the enterprise account center can list
-- the logins made for this taxpayer (null for the natural-person entry and for attempts before a taxpayer is known).
alter table login_record add column taxpayer_id bigint;
create index ix_login_record_taxpayer on login_record (taxpayer_id, occurred_at);
