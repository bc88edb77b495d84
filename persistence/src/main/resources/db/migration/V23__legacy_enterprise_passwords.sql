-- LOGIN-11 双轨运行: the old shared enterprise passwords (企业密码) carried over from the old system for the old entry
-- while the transition lasts — the old system's digest only, and RULE-LOCK's counters of the shared password. An
-- enterprise that stops the old entry keeps a row without digest (stopped_at); every row goes when the transition ends.
create table legacy_enterprise_password (
    taxpayer_id          bigint       not null primary key references taxpayer (id),
    digest               varchar(200),
    migrated_at          timestamp    not null,
    stopped_at           timestamp,
    business_day         date         not null,
    password_failures    integer      not null,
    sms_failures         integer      not null,
    face_failures        integer      not null,
    certificate_failures integer      not null
);
