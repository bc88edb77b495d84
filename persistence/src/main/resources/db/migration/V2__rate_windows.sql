-- One counted-window table for every rate rule (SMS quota per phone, login attempts per address).
create table rate_window (
    window_key   varchar(100) not null primary key,
    window_start timestamp    not null,
    event_count  integer      not null
);
drop table sms_quota;
