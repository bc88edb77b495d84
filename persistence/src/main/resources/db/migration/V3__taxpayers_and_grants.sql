-- Taxpayers (synchronised from the core tax system), grants between persons and taxpayers (人企关联) with their
-- permissions and history, and the ids of applied sync messages (API-3). Written for both H2 2.2 and PostgreSQL 15;
-- timestamps are UTC.

create table taxpayer (
    id                  bigint       not null primary key,
    version             integer      not null,
    credit_code         varchar(20)  not null,
    name                varchar(200) not null,
    kind                varchar(30)  not null,
    status              varchar(20)  not null,
    tax_authority_code  varchar(20)  not null,
    tax_authority_name  varchar(100) not null,
    province_code       varchar(2)   not null,
    province_name       varchar(20)  not null,
    registration_type   varchar(60),
    industry            varchar(100),
    vat_qualification   varchar(20),
    business_address    varchar(200),
    registered_on       date,
    legal_rep_name      varchar(100),
    legal_rep_id_type   varchar(40),
    legal_rep_digest    varchar(64),
    legal_rep_id_masked varchar(40),
    legal_rep_since     timestamp,
    finance_name        varchar(100),
    finance_id_type     varchar(40),
    finance_digest      varchar(64),
    finance_id_masked   varchar(40),
    finance_since       timestamp,
    registered_at       timestamp    not null,
    changed_at          timestamp    not null,
    constraint uk_taxpayer_credit_code unique (credit_code)
);
create index ix_taxpayer_province on taxpayer (province_code);

create table taxpayer_investor (
    id              bigint       not null primary key,
    taxpayer_id     bigint       not null references taxpayer (id),
    name            varchar(200) not null,
    document_type   varchar(40),
    document_masked varchar(40),
    share_percent   numeric(7, 4)
);
create index ix_taxpayer_investor_taxpayer on taxpayer_investor (taxpayer_id);

create table taxpayer_grant (
    id                 bigint       not null primary key,
    version            integer      not null,
    taxpayer_id        bigint       not null references taxpayer (id),
    person_id          bigint       references person (id),
    holder_name_masked varchar(100) not null,
    holder_id_type     varchar(40)  not null,
    holder_digest      varchar(64)  not null,
    holder_id_masked   varchar(40)  not null,
    identity_type      varchar(30)  not null,
    state              varchar(20)  not null,
    initiator          varchar(20)  not null,
    valid_until        date,
    created_at         timestamp    not null,
    changed_at         timestamp    not null
);
create index ix_grant_taxpayer on taxpayer_grant (taxpayer_id, identity_type);
create index ix_grant_person on taxpayer_grant (person_id);
create index ix_grant_holder on taxpayer_grant (holder_digest);

create table taxpayer_grant_permission (
    grant_id   bigint      not null references taxpayer_grant (id),
    permission varchar(40) not null,
    primary key (grant_id, permission)
);

create table taxpayer_grant_history (
    id          bigint      not null primary key,
    grant_id    bigint      not null references taxpayer_grant (id),
    from_state  varchar(20),
    to_state    varchar(20) not null,
    side        varchar(20) not null,
    actor_id    bigint,
    note        varchar(500),
    occurred_at timestamp   not null
);
create index ix_grant_history_grant on taxpayer_grant_history (grant_id);

create table sync_message (
    message_id  varchar(64) not null primary key,
    kind        varchar(30) not null,
    credit_code varchar(20) not null,
    outcome     varchar(20) not null,
    received_at timestamp   not null
);

create sequence taxpayer_seq start with 50 increment by 50;
create sequence taxpayer_investor_seq start with 50 increment by 50;
create sequence taxpayer_grant_seq start with 50 increment by 50;
create sequence taxpayer_grant_history_seq start with 50 increment by 50;
