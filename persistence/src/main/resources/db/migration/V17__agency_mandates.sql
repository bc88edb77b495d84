-- ENT-8 代理机构认定管理: a tax-agent institution files a mandate for a client taxpayer (scope and period); the
-- client's legal representative or finance officer recognises or declines it; either side cancels a recognised one.
create sequence agency_mandate_seq start with 50 increment by 50;
create table agency_mandate (
    id                 bigint      not null primary key,
    version            integer     not null,
    agency_taxpayer_id bigint      not null references taxpayer (id),
    client_taxpayer_id bigint      not null references taxpayer (id),
    valid_from         date        not null,
    valid_until        date        not null,
    state              varchar(20) not null,
    filed_by           bigint      not null references person (id),
    filed_at           timestamp   not null,
    changed_by         bigint      references person (id),
    changed_side       varchar(20),
    changed_at         timestamp   not null
);
create index ix_agency_mandate_agency on agency_mandate (agency_taxpayer_id);
create index ix_agency_mandate_client on agency_mandate (client_taxpayer_id);

create table agency_mandate_permission (
    mandate_id bigint      not null references agency_mandate (id),
    permission varchar(40) not null,
    primary key (mandate_id, permission)
);
