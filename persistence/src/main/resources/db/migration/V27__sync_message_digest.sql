-- API-3: what a sync message said, as a keyed digest, so that an id sent again with other content is refused
-- (SYNC_MESSAGE_ID_REUSED) instead of answering the first message's outcome as if it had been applied. Rows of
-- messages received before have none and are compared by kind and credit code only, as before.
alter table sync_message add column payload_digest varchar(64);
