package org.w3id.talibanrelations.serve.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The outermost filter on every route: while a request is handled, its thread carries the request's
 * scope: this server's SERVICE allow-list and the request's deadline. Whatever runs SPARQL or regular
 * expressions for the request, in any handler and over any dataset, reads them from here:
 * the SERVICE guard refuses SERVICE calls off the list (answered 403 with the reason, if nothing
 * has been sent yet), and the safe regex functions stop a regular expression that runs past the deadline.
 */
public final class RequestScope implements Filter {
    /** What a request may do: its server's allow-list, the request, and when its time is up ({@link System#nanoTime()}). */
    public record Scope(List<String> allowList, HttpServletRequest request, long deadline) {}

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private final List<String> allowList;
    private final long timeoutNanos;

    public RequestScope(List<String> allowList, java.time.Duration timeout) {
        this.allowList = List.copyOf(allowList);
        this.timeoutNanos = timeout.toNanos();
    }

    /** The scope of the request this thread is handling, or null. */
    public static Scope current() { return CURRENT.get(); }

    /** Puts the current thread in a scope until closed (what this filter does for each request; tests call it directly). */
    public static AutoCloseable enter(List<String> allowList, HttpServletRequest request, long deadline) {
        Scope previous = CURRENT.get();
        CURRENT.set(new Scope(allowList, request, deadline));
        return () -> { if (previous == null) CURRENT.remove(); else CURRENT.set(previous); };
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        try (AutoCloseable scope = enter(allowList, request, System.nanoTime() + timeoutNanos)) {
            chain.doFilter(req, res);
        } catch (Refusal.Refused e) {
            refuse(response, e.status(), e.getMessage());
        } catch (ServletException | RuntimeException e) {
            Refusal.Refused refused = refusal(e);
            if (refused == null) throw e;
            refuse(response, refused.status(), refused.getMessage());
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);  // AutoCloseable.close() declares Exception; ours throws nothing
        }
    }

    /** The refusal in a chain of causes, or null. */
    private static Refusal.Refused refusal(Throwable e) {
        for (int depth = 0; e != null && depth < 32; e = e.getCause(), depth++)
            if (e instanceof Refusal.Refused r) return r;
        return null;
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        if (response.isCommitted()) return;
        response.resetBuffer();  // keeps the headers set so far (CORS, security headers)
        response.setHeader("Content-Encoding", null);
        byte[] body = (status + " " + message + ".\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
