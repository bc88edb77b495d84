-- LOGIN-6: a certificate login flow holds its one-time challenge until the key's signature is checked, then the
-- certificate's taxpayer and the tax staff identity chosen for the second factor.
alter table auth_flow add column challenge varchar(64);
alter table auth_flow add column challenge_expires_at timestamp;
alter table auth_flow add column certificate_digest varchar(64);
alter table auth_flow add column grant_id bigint;
