-- LOGIN-10 社保费登录: social-security fee payers pushed by the fee collection system (a unit by its credit code, a
-- natural person by a keyed digest of the ID document), the account each chose for the portal's 社保费登录, and
-- RULE-LOCK's counters of that account. A login flow of the entry names the account it is for.
create table fee_payer_account (
    id                  bigint       not null primary key,
    version             integer      not null,
    kind                varchar(10)  not null,
    payer_key           varchar(64)  not null,
    payer_masked        varchar(40)  not null,
    payer_name          varchar(100) not null,
    phone_cipher        varchar(200) not null,
    phone_masked        varchar(20)  not null,
    phone_digest        varchar(64)  not null,
    pure_payer          boolean      not null,
    active              boolean      not null,
    username            varchar(20),
    password_hash       varchar(200),
    registered_at       timestamp,
    password_changed_at timestamp,
    synced_at           timestamp not null,
    constraint uk_fee_payer unique (kind, payer_key),
    constraint uk_fee_payer_username unique (username)
);
create sequence fee_payer_account_seq start with 50 increment by 50;

create table fee_payer_login_guard (
    account_id           bigint  not null primary key references fee_payer_account (id),
    business_day         date    not null,
    password_failures    integer not null,
    sms_failures         integer not null,
    face_failures        integer not null,
    certificate_failures integer not null
);

alter table auth_flow add column fee_payer_account_id bigint;
