package org.w3id.talibanrelations.serve.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.w3id.talibanrelations.serve.Routes;

/**
 * Refuses, on every route, any method a read-only server has no use for (PUT, DELETE, PATCH and
 * the rest, and POST outside the dataset's query routes) with 405 and an {@code Allow} header,
 * before any handler sees it. Request bodies are
 * read to the end (up to a bound) even when refused: a server that answers without reading the body
 * leaves bytes on a kept-alive connection, and Jetty then closes the connection under the client's
 * next request, which fails with no response at all.
 */
public final class ReadOnlyFilter implements Filter {
    static final Set<String> ALLOWED = Set.of("GET", "HEAD", "POST", "OPTIONS");
    private static final long DRAIN_LIMIT = 1 << 20;
    private static final byte[] MESSAGE = "405 Method Not Allowed: this server is read-only (GET, HEAD, POST for queries, OPTIONS).\n"
            .getBytes(StandardCharsets.UTF_8);

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        // POST carries queries and shapes, so only the routes listed as taking it do.
        boolean allowed = ALLOWED.contains(request.getMethod())
                && (!"POST".equals(request.getMethod()) || Routes.takesPost(path));
        if (allowed) {
            try {
                chain.doFilter(req, res);
            } finally {
                // A handler that refused the request (400, 415) may not have read its body.
                drainQuietly(request);
            }
            return;
        }
        long drained = drain(request.getInputStream());
        if (drained >= DRAIN_LIMIT) response.setHeader("Connection", "close");
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        response.setHeader("Allow", String.join(", ", "GET", "HEAD", "POST", "OPTIONS"));
        response.setContentType("text/plain; charset=utf-8");
        response.setContentLength(MESSAGE.length);
        response.getOutputStream().write(MESSAGE);
    }

    private static void drainQuietly(HttpServletRequest request) {
        try {
            drain(request.getInputStream());
        } catch (IOException | IllegalStateException e) {
            // Already read through getReader(), or the client went away: nothing left to drain.
        }
    }

    private static long drain(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        long total = 0;
        for (int n; total < DRAIN_LIMIT && (n = in.read(buf)) >= 0; ) total += n;
        return total;
    }
}
