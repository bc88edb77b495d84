-- §8, RULE-2FA: a clerk's login codes go to a phone of his own; two clerks sharing one would block each other's codes
-- (RULE-SMS counts per phone) and read each other's.
create unique index clerk_phone_digest_unique on clerk (phone_digest);
