-- §8, RULE-2FA: a clerk's login needs a second factor like every other login: a code to his phone, kept as the
-- persons' phones are (keyed digest, encrypted number, masked form). The login's code step runs on a flow bound to
-- the clerk whose password passed.
alter table clerk add column phone_digest varchar(64);
alter table clerk add column phone_cipher varchar(200);
alter table clerk add column phone_masked varchar(20);
alter table auth_flow add column clerk_id bigint;
