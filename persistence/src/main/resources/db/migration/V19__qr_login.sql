-- LOGIN-7 扫码登录: the one-time QR codes of the login page, bound to the page's flow and, once scanned, to the app
-- session that scanned them (scanner, person, and for enterprise business the taxpayer and the grant).
create table qr_login (
    id           bigint      not null primary key,
    version      integer     not null,
    token_digest varchar(64) not null,
    flow_digest  varchar(64) not null,
    state        varchar(20) not null,
    origin       varchar(200) not null,
    scanner      varchar(20),
    person_id    bigint,
    taxpayer_id  bigint,
    grant_id     bigint,
    created_at   timestamp   not null,
    expires_at   timestamp   not null,
    decided_at   timestamp,
    consumed_at  timestamp,
    constraint uk_qr_login_token unique (token_digest)
);
create index ix_qr_login_flow on qr_login (flow_digest);
create sequence qr_login_seq start with 50 increment by 50;
