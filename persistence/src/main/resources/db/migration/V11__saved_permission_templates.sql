-- ENT-2 权限身份: permission sets a taxpayer's managers save under a name and reuse when adding staff (beside the
-- fixed presets). Written for both H2 2.2 and PostgreSQL 15.
create table saved_permission_template (
    id          bigint      not null primary key,
    version     integer     not null,
    taxpayer_id bigint      not null references taxpayer (id),
    name        varchar(20) not null,
    created_by  bigint      not null references person (id),
    created_at  timestamp   not null,
    constraint uq_saved_permission_template_name unique (taxpayer_id, name)
);

create table saved_permission_template_permission (
    template_id bigint      not null references saved_permission_template (id),
    permission  varchar(40) not null,
    primary key (template_id, permission)
);

create sequence saved_permission_template_seq start with 50 increment by 50;
