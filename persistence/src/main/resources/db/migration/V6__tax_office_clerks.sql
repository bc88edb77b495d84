-- Tax-office clerks (SPEC §8): accounts of the staff console, their roles and their lockout counters (RULE-LOCK).
-- Written for both H2 2.2 and PostgreSQL 15.

create sequence clerk_seq start with 50 increment by 50;

create table clerk (
    id              bigint       not null primary key,
    version         integer      not null,
    username        varchar(30)  not null,
    name            varchar(100) not null,
    password_hash   varchar(200) not null,
    tax_office_code varchar(20)  not null,
    tax_office_name varchar(100) not null,
    active          boolean      not null,
    created_at      timestamp    not null,
    constraint uk_clerk_username unique (username)
);

create table clerk_role (
    clerk_id bigint      not null references clerk (id),
    role     varchar(30) not null,
    primary key (clerk_id, role)
);

create table clerk_login_guard (
    clerk_id             bigint  not null primary key references clerk (id),
    business_day         date    not null,
    password_failures    integer not null,
    sms_failures         integer not null,
    face_failures        integer not null,
    certificate_failures integer not null
);
