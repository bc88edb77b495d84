-- AGT-4 代理人员权限: what one agent of a tax-agent institution may do for one client under one mandate, set by the
-- institution's managers. Its legal representative and finance officer act for every client within the mandate's
-- scope; any other agent only for the clients he is assigned, with the permissions assigned.
create sequence agent_assignment_seq start with 50 increment by 50;
create table agent_assignment (
    id              bigint    not null primary key,
    version         integer   not null,
    mandate_id      bigint    not null references agency_mandate (id),
    agent_grant_id  bigint    not null references taxpayer_grant (id),
    assigned_by     bigint    not null references person (id),
    assigned_at     timestamp not null,
    constraint uk_agent_assignment unique (mandate_id, agent_grant_id)
);
create table agent_assignment_permission (
    assignment_id bigint      not null references agent_assignment (id),
    permission    varchar(40) not null,
    primary key (assignment_id, permission)
);
