-- LOGIN-2: an enterprise login flow remembers the taxpayer named at the entry until the identity is chosen.
alter table auth_flow add column taxpayer_id bigint;
