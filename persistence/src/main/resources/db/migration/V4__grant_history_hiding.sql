-- RULE-LOG, ENT-5, PER-5: "clear record" hides an ended grant from one side's history list, never deletes it.
alter table taxpayer_grant add column hidden_for_enterprise boolean default false not null;
alter table taxpayer_grant add column hidden_for_person boolean default false not null;
create index ix_grant_person_taxpayer on taxpayer_grant (person_id, taxpayer_id);
