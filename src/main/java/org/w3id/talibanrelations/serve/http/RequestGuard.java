package org.w3id.talibanrelations.serve.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.eclipse.jetty.util.UrlEncoded;

import org.w3id.talibanrelations.serve.Limits;
import org.w3id.talibanrelations.serve.Routes;
import org.w3id.talibanrelations.serve.cache.ResponseCache;
import org.w3id.talibanrelations.serve.cache.Validators;

/**
 * Guards the dataset routes before Fuseki sees a request, and buffers what Fuseki answers.
 * <ul>
 * <li>Request: a body over the limit is refused (413); the URL's query string and a form body must
 * be valid percent-encoding of UTF-8 (400, where stock Fuseki answers 500); a query longer than the
 * limit is refused (413, or 414 in a URL), and so is one nested deeper than the limit (400, before
 * the parser can overflow its stack).</li>
 * <li>Response: buffered in full, up to a bound, so that an error found while results are being
 * written (the time limit, the row limit) reaches the client as an error status with a message, never
 * as a 200 with a cut-off body. A query over a limit of this server gets 422, a client error with the
 * limit named, so that clients do not retry it as they would a 5xx.</li>
 * </ul>
 */
public final class RequestGuard implements Filter {
    private final Limits limits;
    private final java.util.function.Function<String, String> serviceDescription;

    private final String baseUrl;
    private final ResponseCache cache;
    private final java.util.function.Predicate<String> hasGraph;

    /**
     * @param serviceDescription the Turtle answered to a GET on a query route without a query, given the endpoint's URL
     * @param baseUrl            the public base URL, or null for each request's own
     * @param cache              responses of deterministic queries, and their ETags
     * @param hasGraph           whether the served dataset holds a named graph, given its IRI
     */
    public RequestGuard(Limits limits, java.util.function.Function<String, String> serviceDescription, String baseUrl,
                        ResponseCache cache, java.util.function.Predicate<String> hasGraph) {
        this.limits = limits;
        this.serviceDescription = serviceDescription;
        this.baseUrl = baseUrl;
        this.cache = cache;
        this.hasGraph = hasGraph;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String route = request.getRequestURI().substring(request.getContextPath().length());
        Parsed parsed;
        try {
            checkCharset(request);
            parsed = parse(request, readBody(request, response));
            checkGraphParameters(parsed.params());
            checkGraphExists(route, parsed);
            checkQuery(parsed);
        } catch (Refused r) {
            refuse(response, r.status, r.getMessage());
            return;
        }
        if (parsed.queryText() == null) {
            if (isRead(request) && parsed.params().isEmpty() && QUERY_ROUTES.contains(route))
                serviceDescription(request, response, route);
            else forward(request, response, chain, parsed, null);
            return;
        }
        String key = QUERY_ROUTES.contains(route) ? ResponseCache.key(parsed.queryText(), parsed.params(), request) : null;
        if (key != null && !ResponseCache.noCache(request) && answeredFromCache(request, response, route, key)) return;
        forward(request, response, chain, parsed, key);
    }

    /** A request with its body read and its parameters decoded; queryText is null if it carries no query. */
    private record Parsed(byte[] body, Map<String, List<String>> params, String queryText, boolean inUrl) {}

    /** A request this guard answers itself with a client error. */
    private static final class Refused extends Exception {
        final int status;
        Refused(int status, String message) { super(message, null, false, false); this.status = status; }
    }

    private static boolean isRead(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    /**
     * A charset the JVM does not know makes Jetty throw from getContentType() (a 500): read the raw header,
     * and answer the client's error as such (415).
     */
    private static void checkCharset(HttpServletRequest request) throws Refused {
        String charset = org.eclipse.jetty.http.MimeTypes.getCharsetFromContentType(request.getHeader("Content-Type"));
        if (charset != null && !supported(charset)) throw new Refused(415, "Unsupported charset in Content-Type: " + charset + " (send UTF-8).");
    }

    /** The request body, read in full if within the limit (else 413, and the connection is closed). */
    private byte[] readBody(HttpServletRequest request, HttpServletResponse response) throws IOException, Refused {
        byte[] body = request.getContentLengthLong() > limits.maxBodyBytes() ? null : readBounded(request.getInputStream(), limits.maxBodyBytes());
        if (body != null) return body;
        response.setHeader("Connection", "close");
        throw new Refused(413, "Request body larger than " + limits.maxBodyBytes() + " bytes.");
    }

    /**
     * The parameters, from the URL's query string and a form body, and the query, from them or from an
     * application/sparql-query body: strict percent-encoding and UTF-8, else 400.
     */
    private static Parsed parse(HttpServletRequest request, byte[] body) throws Refused {
        Map<String, List<String>> params = new LinkedHashMap<>();
        String queryString = request.getQueryString();
        if (queryString != null && !decodeForm(queryString, params))
            throw new Refused(400, "Invalid percent-encoding or UTF-8 in the URL's query string.");
        String mediaType = mediaType(request.getHeader("Content-Type"));
        boolean post = "POST".equals(request.getMethod());
        String queryText = first(params, "query");
        boolean inUrl = queryText != null;
        if (post && "application/x-www-form-urlencoded".equals(mediaType)) {
            if (!decodeForm(new String(body, StandardCharsets.ISO_8859_1), params))
                throw new Refused(400, "Invalid percent-encoding or UTF-8 in the form body.");
            if (queryText == null) queryText = first(params, "query");
        } else if (post && "application/sparql-query".equals(mediaType)) {
            queryText = utf8(body);
            inUrl = false;
            if (queryText == null) throw new Refused(400, "The query body is not valid UTF-8.");
        }
        return new Parsed(body, params, queryText, inUrl);
    }

    /** Parameters that name graphs hold an IRI each, else 400, not Fuseki's 500. */
    private static void checkGraphParameters(Map<String, List<String>> params) throws Refused {
        for (String name : GRAPH_PARAMS)
            for (String v : params.getOrDefault(name, List.of()))
                if (!v.isEmpty() && !v.equals("default") && !v.equals("union") && !org.apache.jena.irix.IRIs.check(v))
                    throw new Refused(400, "Not an IRI: " + name + "=" + v);
    }

    /**
     * A Graph Store read of a graph the dataset does not hold: 404 here, because Fuseki's read would try
     * to create it in a read transaction (a 500).
     */
    private void checkGraphExists(String route, Parsed parsed) throws Refused {
        String graph = first(parsed.params(), "graph");
        if (parsed.queryText() == null && GSP_ROUTES.contains(route) && graph != null && !graph.isEmpty()
                && !graph.equals("default") && !graph.equals("union") && !hasGraph.test(graph))
            throw new Refused(404, "No graph <" + graph + "> in this dataset; its named graphs are listed at /.well-known/void.");
    }

    /** A query longer than the limit (413, or 414 in a URL), or nested deeper (400, before the parser can overflow its stack). */
    private void checkQuery(Parsed parsed) throws Refused {
        String queryText = parsed.queryText();
        if (queryText == null) return;
        if (queryText.length() > limits.maxQueryChars())
            throw new Refused(parsed.inUrl() ? 414 : 413, "Query longer than " + limits.maxQueryChars()
                    + " characters (this server's limit)." + (parsed.inUrl() ? " Send long queries by POST." : ""));
        int depth = nesting(queryText);
        if (depth > limits.maxNesting())
            throw new Refused(400, "Query nested " + depth + " levels deep; this server accepts at most " + limits.maxNesting() + ".");
    }

    /** A GET on a query route without a query: the endpoint's service description. */
    private void serviceDescription(HttpServletRequest request, HttpServletResponse response, String route) throws IOException {
        String endpoint = baseUrl == null ? request.getRequestURL().toString() : baseUrl + route.substring(1);
        byte[] sd = serviceDescription.apply(endpoint).getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("text/turtle; charset=utf-8");
        response.setContentLength(sd.length);
        response.getOutputStream().write(sd);
    }

    /**
     * Answers from the response cache, before Fuseki parses anything: 304 if the request holds the key's
     * ETag, the kept response if there is one; returns whether it answered. A hit costs building and
     * hashing the key.
     */
    private boolean answeredFromCache(HttpServletRequest request, HttpServletResponse response, String route, String key) throws IOException {
        String ifNoneMatch = Validators.ifNoneMatch(request);
        ResponseCache.Entry hit = cache.get(key);
        // An ETag is only ever given to a deterministic query's response, so one the client holds for
        // this key is still current: 304 at once, in the cache or not.
        String etag = hit != null ? hit.etag() : ifNoneMatch != null ? cache.etag(key) : null;
        if (Validators.matches(ifNoneMatch, etag, hit != null)) {
            cache.notModified();
            notModified(response, etag);
            log(request, route, 304);
            return true;
        }
        if (hit == null) return false;
        validators(response, hit.etag(), "hit");
        response.setStatus(200);
        response.setHeader("Content-Type", hit.contentType());
        response.setContentLength(hit.body().length);
        if (!"HEAD".equals(request.getMethod())) response.getOutputStream().write(hit.body());
        log(request, route, 200);
        return true;
    }

    /**
     * Hands the request to Fuseki with its response buffered, then validates what it answered: a
     * deterministic query's complete answer (key not null) is kept and given its key's ETag, a Graph
     * Store read its body's; either may then be a 304.
     */
    private void forward(HttpServletRequest request, HttpServletResponse response, FilterChain chain, Parsed parsed, String key)
            throws IOException, ServletException {
        BufferedResponse buffered = new BufferedResponse(request, response, limits);
        try {
            chain.doFilter(new CachedRequest(request, parsed.body(), parsed.params()), buffered);
        } catch (ResponseTooLarge e) {
            buffered.overflowed = true;
        }
        String ifNoneMatch = Validators.ifNoneMatch(request);
        String contentType = response.getHeader("Content-Type");
        if (key != null && buffered.complete() && contentType != null
                && Boolean.TRUE.equals(request.getAttribute(ResponseCache.DETERMINISTIC))) {
            String etag = cache.etag(key);
            if (!"HEAD".equals(request.getMethod()) && cache.accepts(buffered.size()))
                cache.put(key, new ResponseCache.Entry(buffered.body(), contentType, etag));
            if (Validators.matches(ifNoneMatch, etag, true)) {
                cache.notModified();
                notModified(response, etag);
                return;
            }
            validators(response, etag, "miss");
        } else if (key == null && isRead(request) && buffered.complete()) {
            // A Graph Store read is not kept, but its bytes change only with the data: their hash validates it.
            String etag = buffered.etag();
            if (Validators.matches(ifNoneMatch, etag, true)) {
                notModified(response, etag);
                return;
            }
            validators(response, etag, null);
        }
        buffered.finish();
    }

    /** Fuseki logs each request it handles; these it never sees. */
    private static void log(HttpServletRequest request, String route, int status) {
        org.apache.jena.fuseki.Fuseki.actionLog.info("[cache] {} {} {}", request.getMethod(), route, status == 304 ? "304 Not Modified" : "200 OK (hit)");
    }

    /** Parameters that name graphs (Graph Store Protocol, SPARQL protocol): an IRI each, else 400, not Fuseki's 500. */
    private static final List<String> GRAPH_PARAMS = List.of("graph", "default-graph-uri", "named-graph-uri");

    private static final List<String> GSP_ROUTES = List.of(Routes.DATASET_PATH, Routes.DATASET_PATH + "/get");

    private static final List<String> QUERY_ROUTES = List.of(Routes.DATASET_PATH, Routes.DATASET_PATH + "/sparql", Routes.DATASET_PATH + "/query");

    /**
     * The headers of a cacheable response: its ETag, how long others may keep it, and (X-Cache, for
     * diagnosis) whether it came from this server's cache.
     */
    private static void validators(HttpServletResponse response, String etag, String xCache) {
        Validators.validators(response, etag);
        response.setHeader("Pragma", null);  // Fuseki's no-cache, for HTTP/1.0 caches
        response.setHeader("Vary", ResponseCache.VARY);
        if (xCache != null) response.setHeader("X-Cache", xCache);
    }

    private static void notModified(HttpServletResponse response, String etag) throws IOException {
        validators(response, etag, null);
        Validators.notModified(response);
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        byte[] bytes = (status + " " + message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The body, or null if it is longer than the limit. */
    static byte[] readBounded(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buf)) >= 0; ) {
            total += n;
            if (total > max) return null;
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static boolean supported(String charset) {
        try {
            return java.nio.charset.Charset.isSupported(charset);
        } catch (java.nio.charset.IllegalCharsetNameException e) {
            return false;
        }
    }

    private static String mediaType(String contentType) {
        if (contentType == null) return "";
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /**
     * Decodes application/x-www-form-urlencoded strictly, with Jetty's decoder told to allow no bad
     * percent-escape and no bad or truncated UTF-8; false if there is one.
     */
    static boolean decodeForm(String form, Map<String, List<String>> into) {
        try {
            return UrlEncoded.decodeUtf8To(form, 0, form.length(),
                    (name, value) -> into.computeIfAbsent(name, k -> new ArrayList<>()).add(value), false, false, false);
        } catch (IllegalArgumentException e) {  // a bad escape (NumberFormatException) or bad UTF-8
            return false;
        }
    }

    private static String utf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * The deepest nesting of (), {} and [] in a query, outside string literals, IRIs and comments.
     * A lexical count, so that a hostile query is refused before a recursive parser sees it.
     */
    static int nesting(String q) {
        int depth = 0, max = 0;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            switch (c) {
                case '#' -> { while (i < q.length() && q.charAt(i) != '\n') i++; }
                case '"', '\'' -> {
                    boolean longString = q.startsWith(String.valueOf(c).repeat(3), i);
                    String close = longString ? String.valueOf(c).repeat(3) : String.valueOf(c);
                    i += close.length();
                    while (i < q.length() && !q.startsWith(close, i)) { if (q.charAt(i) == '\\') i++; i++; }
                    i += close.length() - 1;
                }
                case '<' -> {
                    int j = i + 1;
                    while (j < q.length() && " \t\r\n<>\"{}|^`\\".indexOf(q.charAt(j)) < 0) j++;
                    if (j < q.length() && q.charAt(j) == '>') i = j; // an IRI; otherwise a comparison
                }
                case '(', '{', '[' -> max = Math.max(max, ++depth);
                case ')', '}', ']' -> depth = Math.max(0, depth - 1);
                default -> { }
            }
        }
        return max;
    }

    /** Thrown when a response outgrows its buffer. */
    private static final class ResponseTooLarge extends RuntimeException {
        ResponseTooLarge() { super("response too large", null, false, false); }
    }

    /** The request with its body already read: replays the body and answers parameters from it. */
    private static final class CachedRequest extends HttpServletRequestWrapper {
        private final byte[] body;
        private final Map<String, String[]> params = new LinkedHashMap<>();

        CachedRequest(HttpServletRequest request, byte[] body, Map<String, List<String>> params) {
            super(request);
            this.body = body;
            params.forEach((k, v) -> this.params.put(k, v.toArray(String[]::new)));
        }

        @Override public String getParameter(String name) { String[] v = params.get(name); return v == null ? null : v[0]; }
        @Override public Map<String, String[]> getParameterMap() { return Collections.unmodifiableMap(params); }
        @Override public Enumeration<String> getParameterNames() { return Collections.enumeration(params.keySet()); }
        @Override public String[] getParameterValues(String name) { return params.get(name); }
        @Override public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }
        @Override public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener l) { throw new UnsupportedOperationException(); }
            };
        }
    }

    /** A byte buffer whose bytes can be hashed without a copy. */
    private static final class Buffer extends ByteArrayOutputStream {
        byte[] array() { return buf; }
    }

    /** Holds the whole response until the handler is done, so that its status can still change. */
    private static final class BufferedResponse extends HttpServletResponseWrapper {
        private final HttpServletResponse target;
        private final long max;
        private final Buffer buffer = new Buffer();
        private int status = 200;
        private String errorMessage;
        private boolean error;
        boolean overflowed;
        private boolean started, failedMidResponse;
        private final Limits limits;
        private PrintWriter writer;
        private ServletOutputStream stream;

        private final HttpServletRequest request;

        BufferedResponse(HttpServletRequest request, HttpServletResponse target, Limits limits) {
            super(target);
            this.request = request;
            this.target = target;
            this.limits = limits;
            this.max = limits.maxResponseBytes();
        }

        /**
         * An error status once the handler has started writing a result means the result is partial
         * (a timeout, the row limit): drop it, ignore the rest, and send a clear error instead.
         */
        @Override public void setStatus(int sc) {
            if (sc >= 400 && status < 400 && started) failedMidResponse = true;
            status = sc;
        }
        @Override public int getStatus() { return status; }
        @Override public void sendError(int sc, String msg) {
            if (sc >= 400 && status < 400 && started) failedMidResponse = true;
            error = true; status = sc; errorMessage = msg;
        }
        @Override public void sendError(int sc) { sendError(sc, null); }
        @Override public boolean isCommitted() { return false; }
        @Override public void flushBuffer() { if (writer != null) writer.flush(); }
        @Override public void resetBuffer() { buffer.reset(); }
        @Override public void reset() { super.reset(); buffer.reset(); status = 200; error = false; errorMessage = null; }
        @Override public void setContentLength(int len) { }
        @Override public void setContentLengthLong(long len) { }

        @Override
        public ServletOutputStream getOutputStream() {
            if (status < 400) started = true;
            if (stream == null) stream = new ServletOutputStream() {
                @Override public void write(int b) { if (failedMidResponse) return; check(1); buffer.write(b); }
                @Override public void write(byte[] b, int off, int len) { if (failedMidResponse) return; check(len); buffer.write(b, off, len); }
                // Fuseki writes its error messages with print(String), which the servlet API's default
                // refuses for any character beyond ISO 8859-1 (and Fuseki then sends an empty body): the
                // messages are declared UTF-8, so write them as UTF-8.
                @Override public void print(String s) { byte[] b = String.valueOf(s).getBytes(StandardCharsets.UTF_8); write(b, 0, b.length); }
                @Override public boolean isReady() { return true; }
                @Override public void setWriteListener(WriteListener l) { throw new UnsupportedOperationException(); }
            };
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                String cs = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), java.nio.charset.Charset.forName(cs)));
            }
            return writer;
        }

        private String defaultMessage(int sc) {
            return switch (sc) {
                case Refusal.TOO_LARGE -> "Result too large: more than " + limits.maxResultRows()
                        + " rows or triples (this server's limit). Add a LIMIT, or narrow the query.";
                case 503 -> "Query exceeded this server's time limit (" + limits.queryTimeout().toSeconds()
                        + " s) and was cancelled. Narrow the query, or add a LIMIT.";
                default -> "The query failed while its results were being written; no partial result is sent.";
            };
        }

        private void check(int more) {
            if (buffer.size() + (long) more > max) {
                overflowed = true;
                throw new ResponseTooLarge();
            }
        }

        /** Whether the handler answered 200 and the whole result is in the buffer. */
        boolean complete() {
            if (writer != null) writer.flush();
            return status == 200 && !error && !failedMidResponse && !overflowed;
        }

        /** A copy of the buffered body. */
        byte[] body() { return buffer.toByteArray(); }
        /** The buffered body's length. */
        int size() { return buffer.size(); }
        /** A strong ETag: a hash of the buffered body. */
        String etag() { return Validators.etag(buffer.array(), buffer.size()); }

        void finish() throws IOException {
            if (writer != null) writer.flush();
            // A SERVICE refused where it was executed (ServiceGuard), however the handler reported it.
            if (request.getAttribute(Refusal.MESSAGE) instanceof String refusal) {
                target.setHeader("Content-Encoding", null);
                refuse(target, (Integer) request.getAttribute(Refusal.STATUS), refusal + ".");
                return;
            }
            if (failedMidResponse) {
                Object cause = request.getAttribute(Refusal.STATUS);
                int sc = cause instanceof Integer i ? i : status;
                refuse(target, sc == 503 ? Refusal.TOO_LARGE : sc, defaultMessage(sc));
                return;
            }
            if (overflowed) {
                refuse(target, Refusal.TOO_LARGE, "Response larger than " + max + " bytes (this server's limit). Add a LIMIT, or narrow the query.");
                return;
            }
            if (status == 503) {
                // Inside this filter a 503 can only be Fuseki's timeout: the query exceeded this server's
                // limit, which is the client's to change, so a 4xx that clients will not blindly retry.
                refuse(target, Refusal.TOO_LARGE, defaultMessage(503));
                return;
            }
            if (error) {
                target.setHeader("Content-Encoding", null);
                refuse(target, status, errorMessage == null ? "Error." : errorMessage);
                return;
            }
            target.setStatus(status);
            target.setContentLength(buffer.size());
            buffer.writeTo(target.getOutputStream());
        }
    }
}
