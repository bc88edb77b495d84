package cn.etax.identity.web.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * No API body is larger than a few kilobytes (the longest is a certificate chain), so one over {@value #MAX_BYTES}
 * bytes is refused before anything reads it: {@code 413 REQUEST_TOO_LARGE}, at once when its {@code Content-Length}
 * says so, or as soon as a chunked body passes the limit — an unauthenticated caller cannot make the server read and
 * parse megabytes.
 */
@Provider
@PreMatching
public class BodyLimitFilter implements ContainerRequestFilter {

    static final int MAX_BYTES = 1 << 20;

    @Override
    public void filter(ContainerRequestContext context) {
        int length = context.getLength();
        if (length > MAX_BYTES) {
            SameOriginFilter.refuse(context, Response.Status.REQUEST_ENTITY_TOO_LARGE, "REQUEST_TOO_LARGE");
        } else if (length < 0 && context.hasEntity()) {
            context.setEntityStream(new Limited(context.getEntityStream()));
        }
    }

    /** Thrown by the body's stream past the limit; the exception mappers answer 413 for it. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("request body over " + MAX_BYTES + " bytes");
        }
    }

    private static final class Limited extends FilterInputStream {
        private long read;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > MAX_BYTES) {
                throw new TooLarge();
            }
        }
    }
}
