package cn.etax.identity.taxpayer.application;

import cn.etax.identity.shared.ConflictException;

/**
 * Another copy of the same message holds (or held) its id: this transaction rolls back and the sync service
 * answers from what the other copy recorded.
 */
public class DuplicateMessageException extends ConflictException {

    public DuplicateMessageException() {
        super("SYNC_MESSAGE_IN_PROGRESS");
    }
}
