-- §8 clerk administration: an administrator (账户管理岗) creates clerks with an initial password that the clerk
-- replaces at his first login; resetting it asks for a new one again. Until he has, his login opens no console
-- and a session opened before the reset serves no more calls.
alter table clerk add column password_change_required boolean default false not null;
