-- LOGIN-5 非居民企业身份信息采集: what an overseas natural person submits for a non-resident enterprise, the tax
-- officer's decision and, once approved, the enterprise's non-resident enterprise identity code (its taxpayer code).
create table non_resident_application (
    id                  bigint       not null primary key,
    version             integer      not null,
    applicant_id        bigint       not null,
    enterprise_name     varchar(200) not null,
    country             varchar(3)   not null,
    registration_number varchar(60)  not null,
    address             varchar(200) not null,
    state               varchar(20)  not null,
    submitted_at        timestamp    not null,
    decided_at          timestamp,
    decided_by          bigint,
    rejection_reason    varchar(200),
    identity_code       varchar(18),
    taxpayer_id         bigint,
    constraint uk_non_resident_code unique (identity_code),
    constraint fk_non_resident_applicant foreign key (applicant_id) references person (id)
);
create index ix_non_resident_applicant on non_resident_application (applicant_id);
create index ix_non_resident_state on non_resident_application (state);
create sequence non_resident_application_seq start with 50 increment by 50;
