-- The audit and login records are written on every login, switch and account change: their ids now come in blocks
-- of 1000 instead of 50 (the entities' allocationSize matches), so fetching the next block is one statement per 1000
-- rows. The sequences restart at 10^12, above every id the blocks of 50 have given out, because the persistence
-- provider takes a block as the 1000 values up to the one the sequence answers. The lists order by time, never by id
-- alone. H2 2.2 and PostgreSQL 15.
alter sequence audit_record_seq increment by 1000 restart with 1000000000000;
alter sequence login_record_seq increment by 1000 restart with 1000000000000;
