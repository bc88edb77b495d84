package cn.etax.identity.integration.remote;

import cn.etax.identity.remote.IdentityQueryException;
import cn.etax.identity.shared.DomainException;

import java.util.concurrent.Callable;

/** Turns the platform's own business failures into the contract's checked exception, code unchanged. */
final class RemoteFailures {

    private RemoteFailures() {
    }

    static <T> T answer(Callable<T> call) throws IdentityQueryException {
        try {
            return call.call();
        } catch (DomainException e) {
            throw new IdentityQueryException(e.code(), "refused by the identity platform (" + e.messageKey() + ")");
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
