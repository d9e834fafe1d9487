package org.w3id.talibanrelations.serve.http;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The headers a public site sends with every response, so that nothing it serves can run as code in a
 * browser: scripts, styles, fonts, images and fetches from this origin only, no inline script or
 * style, no framing, no plugin, no base or form elsewhere ({@code Content-Security-Policy}); no
 * content-type sniffing, so that a Turtle or CSV answer holding markup is never read as HTML
 * ({@code X-Content-Type-Options}); and no full URL (with a query in it) leaked to other sites
 * ({@code Referrer-Policy}). They survive a handler's {@code reset()}.
 */
public final class SecurityHeaders implements Filter {
    /** The pages' policy: everything from this origin only, nothing inline. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletResponse response = (HttpServletResponse) res;
        set(response);
        chain.doFilter(req, new HttpServletResponseWrapper(response) {
            @Override public void reset() { super.reset(); set(response); }
        });
    }

    private static void set(HttpServletResponse r) {
        r.setHeader("Content-Security-Policy", CSP);
        r.setHeader("X-Content-Type-Options", "nosniff");
        r.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        r.setHeader("X-Frame-Options", "DENY");
        r.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    }
}
