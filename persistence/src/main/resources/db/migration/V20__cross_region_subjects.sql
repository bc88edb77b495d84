-- LOGIN-4 特定主体: cross-region tax matters (跨区域报验户) and cross-region tax-source registrations (跨区税源登记纳税人)
-- pushed by the core tax system, with the handler (经办人) of the report form; and the subject type a login flow of the
-- special-subject entry was started for.
create table cross_region_subject (
    id                   bigint       not null primary key,
    version              integer      not null,
    kind                 varchar(20)  not null,
    subject_number       varchar(40)  not null,
    taxpayer_id          bigint       not null,
    province             varchar(40)  not null,
    city                 varchar(40)  not null,
    district             varchar(40)  not null,
    tax_authority        varchar(100) not null,
    handler_name         varchar(100) not null,
    handler_phone_digest varchar(64)  not null,
    valid_from           date         not null,
    valid_until          date,
    closed               boolean      not null,
    constraint uk_cross_region_number unique (kind, subject_number),
    constraint fk_cross_region_taxpayer foreign key (taxpayer_id) references taxpayer (id)
);
create index ix_cross_region_taxpayer on cross_region_subject (taxpayer_id, kind);
create sequence cross_region_subject_seq start with 50 increment by 50;

alter table auth_flow add column cross_region_kind varchar(20);
