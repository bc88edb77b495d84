-- RULE-LOCK slider: the challenge is a signed token (nothing stored when it is issued); its one answer is recorded
-- here, the primary key refusing a second. The slider rows of one_time_secret are no longer written.
create table answered_challenge (
    challenge_digest varchar(64) not null primary key,
    expires_at       timestamp   not null
);
delete from one_time_secret where kind = 'SLIDER';
