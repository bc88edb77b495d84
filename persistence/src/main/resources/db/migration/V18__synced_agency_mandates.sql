-- ENT-8 "同步代理机构信息": a mandate may also come from the core tax system (代理协议备案, API-3); it has no filing
-- person then.
alter table agency_mandate alter column filed_by drop not null;
