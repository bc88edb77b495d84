-- All timestamps are UTC (columns without time zone; see InstantConverter).
-- Natural persons, their phones, the login guard, one-time secrets, flows, QR checks, logs, audit,
-- tax-office collections and the simulators' tables. Written for both H2 2.2 and PostgreSQL 15.

create table person (
    id                  bigint       not null primary key,
    version             integer      not null,
    name                varchar(100) not null,
    id_type             varchar(40)  not null,
    id_digest           varchar(64)  not null,
    id_cipher           varchar(200) not null,
    id_masked           varchar(40)  not null,
    gender              varchar(10)  not null,
    nationality         varchar(3),
    birth_date          date,
    overseas            boolean      not null,
    username            varchar(20),
    username_changed_at timestamp,
    password_hash       varchar(200),
    password_initial    boolean      not null,
    email               varchar(100),
    address             varchar(200),
    real_name_level     integer      not null,
    agreements_signed_at timestamp,
    status              varchar(20)  not null,
    origin              varchar(20)  not null,
    registered_at       timestamp not null,
    constraint uk_person_id_digest unique (id_digest),
    constraint uk_person_username unique (username)
);

create table person_phone (
    id           bigint       not null primary key,
    person_id    bigint       not null references person (id),
    phone_digest varchar(64)  not null,
    phone_cipher varchar(200) not null,
    phone_masked varchar(20)  not null,
    is_default   boolean      not null,
    verified_at  timestamp not null,
    constraint uk_person_phone_digest unique (phone_digest)
);
create index ix_person_phone_person on person_phone (person_id);

create table login_guard (
    person_id            bigint  not null primary key references person (id),
    business_day         date    not null,
    password_failures    integer not null,
    sms_failures         integer not null,
    face_failures        integer not null,
    certificate_failures integer not null
);

create table sms_quota (
    phone_digest varchar(64) not null primary key,
    window_start timestamp not null,
    sent_count   integer     not null
);

create table one_time_secret (
    id            bigint       not null primary key,
    kind          varchar(20)  not null,
    flow_digest   varchar(64)  not null,
    target        varchar(100) not null,
    secret_digest varchar(64)  not null,
    created_at    timestamp not null,
    expires_at    timestamp not null,
    guesses       integer      not null,
    consumed_at   timestamp
);
create index ix_secret_flow on one_time_secret (kind, flow_digest, target);
create index ix_secret_expiry on one_time_secret (expires_at);

create table auth_flow (
    id              bigint       not null primary key,
    version         integer      not null,
    token_digest    varchar(64)  not null,
    kind            varchar(20)  not null,
    step            varchar(20)  not null,
    person_id       bigint,
    subject_name    varchar(100),
    subject_id_type varchar(40),
    subject_digest  varchar(64),
    subject_cipher  varchar(200),
    subject_masked  varchar(40),
    overseas        boolean      not null,
    nationality     varchar(3),
    second_factor   varchar(20),
    client_address  varchar(64),
    created_at      timestamp not null,
    expires_at      timestamp not null,
    constraint uk_auth_flow_token unique (token_digest)
);
create index ix_auth_flow_expiry on auth_flow (expires_at);

create table qr_challenge (
    id             bigint       not null primary key,
    version        integer      not null,
    token_digest   varchar(64)  not null,
    flow_digest    varchar(64)  not null,
    app            varchar(20)  not null,
    purpose        varchar(20)  not null,
    subject_digest varchar(64)  not null,
    subject_masked varchar(140) not null,
    state          varchar(20)  not null,
    origin         varchar(200) not null,
    created_at     timestamp not null,
    expires_at     timestamp not null,
    decided_at     timestamp,
    consumed_at    timestamp,
    constraint uk_qr_token unique (token_digest)
);
create index ix_qr_flow on qr_challenge (flow_digest);

create table login_record (
    id             bigint       not null primary key,
    person_id      bigint,
    entry          varchar(20) not null,
    method         varchar(20),
    outcome        varchar(20) not null,
    reason         varchar(60),
    client_address varchar(64),
    user_agent     varchar(200),
    occurred_at    timestamp not null
);
create index ix_login_record_person on login_record (person_id, occurred_at);

create table audit_record (
    id             bigint       not null primary key,
    actor_id       bigint,
    action         varchar(60)  not null,
    target         varchar(100),
    detail         varchar(500),
    client_address varchar(64),
    occurred_at    timestamp not null
);
create index ix_audit_actor on audit_record (actor_id, occurred_at);

create table offline_collection (
    id           bigint       not null primary key,
    name         varchar(100) not null,
    id_type      varchar(40)  not null,
    id_digest    varchar(64)  not null,
    phone_digest varchar(64),
    nationality  varchar(3),
    tax_office   varchar(100) not null,
    collected_at timestamp not null,
    constraint uk_offline_collection_id unique (id_digest)
);

-- simulators (§11): present in every schema, used only when the simulators are switched on
create table sim_sms_outbox (
    id      bigint       not null primary key,
    phone   varchar(20)  not null,
    text    varchar(500) not null,
    sent_at timestamp not null
);
create index ix_sim_sms_phone on sim_sms_outbox (phone);

create table sim_citizen (
    id          bigint       not null primary key,
    name        varchar(100) not null,
    id_type     varchar(40)  not null,
    id_number   varchar(40)  not null,
    nationality varchar(3),
    constraint uk_sim_citizen unique (id_type, id_number)
);

-- id sequences (allocation size 50, as the entities declare)
create sequence audit_record_seq start with 50 increment by 50;
create sequence auth_flow_seq start with 50 increment by 50;
create sequence login_record_seq start with 50 increment by 50;
create sequence offline_collection_seq start with 50 increment by 50;
create sequence one_time_secret_seq start with 50 increment by 50;
create sequence person_phone_seq start with 50 increment by 50;
create sequence person_seq start with 50 increment by 50;
create sequence qr_challenge_seq start with 50 increment by 50;
create sequence sim_citizen_seq start with 50 increment by 50;
create sequence sim_sms_outbox_seq start with 50 increment by 50;
