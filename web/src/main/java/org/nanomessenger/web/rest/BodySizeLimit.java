// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanomessenger.ejb.api.Refusal;
import org.nanomessenger.ejb.api.RefusedException;

/**
 * Refuses request bodies over {@code nano.http.max-body-bytes} (default 1 MiB, room for a batch of
 * 100 hybrid prekeys) while they are read, so that no client can make the server buffer more, with
 * or without a Content-Length.
 */
@Provider
public class BodySizeLimit implements ReaderInterceptor {

    @Inject
    @ConfigProperty(name = "nano.http.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new LimitedStream(context.getInputStream(), maxBodyBytes));
        return context.proceed();
    }

    /** Counts the bytes read and refuses the request past the limit. */
    private static final class LimitedStream extends FilterInputStream {
        private final long limit;
        private long read;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new RefusedException(Refusal.REQUEST_TOO_LARGE, "Request bodies are limited to " + limit
                        + " bytes");
            }
        }
    }
}
