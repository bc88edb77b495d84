-- PER-3: a face check proves one confirmation only: the flow that asked for it is bound to the grants it confirms.
alter table auth_flow add column bound_to varchar(64);
-- PER-4 "同步数据": when the holder last had the relationship checked against the registry and pushed again.
alter table taxpayer_grant add column synced_at timestamp;
