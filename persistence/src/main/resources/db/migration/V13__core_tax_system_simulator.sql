-- PER-4 同步数据: what the core tax system simulator (§11) received when a person pushed a relationship again.
-- Holds masked personal data only. Written for both H2 2.2 and PostgreSQL 15.
create table sim_core_tax_push (
    id             bigint       not null primary key,
    grant_id       bigint       not null,
    credit_code    varchar(20)  not null,
    holder_masked  varchar(100) not null,
    id_type        varchar(40)  not null,
    id_masked      varchar(40)  not null,
    identity_type  varchar(40)  not null,
    grant_state    varchar(20)  not null,
    permissions    varchar(500) not null,
    valid_until    date,
    pushed_at      timestamp    not null
);
create index ix_sim_core_tax_push_code on sim_core_tax_push (credit_code);

create sequence sim_core_tax_push_seq start with 50 increment by 50;
