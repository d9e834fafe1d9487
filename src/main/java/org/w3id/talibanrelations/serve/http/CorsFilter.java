package org.w3id.talibanrelations.serve.http;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * CORS for a public, read-only endpoint: any origin may read, and credentials are never
 * allowed, so a browser never sends cookies or authorisation from another site.
 * <p>
 * Not Fuseki's {@code enableCors} (its CrossOriginFilter) nor Jetty 12's CrossOriginHandler: both
 * answer {@code Access-Control-Allow-Origin} with the request's own Origin, never {@code *}, and add
 * {@code Vary: Origin} to every response, so that a shared cache keeps a copy of each answer per
 * origin; Fuseki's also allows credentials unless configured otherwise, and, first in the filter
 * chain, answers preflights before the security headers are set. {@code *} is the Fetch standard's
 * answer for requests without credentials (and what ServerTest and ResponseCacheTest pin).
 */
public final class CorsFilter implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (request.getHeader("Origin") != null) {
            response.setHeader("Access-Control-Allow-Origin", "*");
            response.setHeader("Access-Control-Expose-Headers", "Content-Type, Content-Length, Vary, ETag, X-Cache");
            if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
                response.setHeader("Access-Control-Allow-Methods", "GET, POST, HEAD, OPTIONS");
                response.setHeader("Access-Control-Allow-Headers", "Accept, Content-Type, Origin, Cache-Control, If-None-Match, X-Requested-With");
                response.setHeader("Access-Control-Max-Age", "86400");
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                return;
            }
        }
        chain.doFilter(req, res);
    }
}
