-- RULE-SMS "at most 10 codes in any 10 minutes": a window keeps the times of the events it still counts (epoch
-- milliseconds, comma-separated, oldest first, at most the limit), so the 11th code waits for the first of the
-- last 10 to age out instead of a new fixed window opening after the first. Existing rows keep their count (read
-- as that many events at window_start).
alter table rate_window add column recent_events varchar(16000) default '' not null;
