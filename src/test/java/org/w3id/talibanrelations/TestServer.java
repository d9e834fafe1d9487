package org.w3id.talibanrelations;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server on the real data for one test class: on port 0 and the loopback interface, started before
 * the class's first test and always stopped after its last, with an HTTP client that does not follow
 * redirects. The servers of a class start in the order of their {@code @Order}, so one may name another.
 *
 * <pre>
 *   &#64;RegisterExtension static final TestServer server = TestServer.onRealData();
 *   &#64;RegisterExtension static final TestServer limited = TestServer.onRealData(b -&gt; b.limits(Limits.DEFAULT.withMaxResultRows(10)));
 *
 *   HttpResponse&lt;String&gt; r = server.get("doc/actor/russia", "Accept", "text/html");
 * </pre>
 */
public final class TestServer implements BeforeAllCallback, AfterAllCallback {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final UnaryOperator<KgServer.Builder> configure;
    private KgServer server;

    private TestServer(UnaryOperator<KgServer.Builder> configure) { this.configure = configure; }

    /** A server on the real data with the default settings. */
    public static TestServer onRealData() { return onRealData(b -> b); }

    /** A server on the real data, its builder given to {@code configure} first (limits, cache size, ...). */
    public static TestServer onRealData(UnaryOperator<KgServer.Builder> configure) { return new TestServer(configure); }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = configure.apply(KgServer.create().port(0).loopback(true).dataset(TestProjects.realBuild().dataset())).build().start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) server.stop();
        server = null;
    }

    /** The running server. */
    public KgServer server() { return server; }

    /** The server's base URL, ending in a slash. */
    public String baseUrl() { return server.baseUrl(); }

    /** The SPARQL endpoint's URL. */
    public String sparqlUrl() { return server.sparqlUrl(); }

    /** The port it listens on. */
    public int port() { return server.port(); }

    /** The client the tests share (it does not follow redirects). */
    public HttpClient http() { return HTTP; }

    /** A request for a path below the base URL (without its leading slash). */
    public HttpRequest.Builder request(String path) { return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)); }

    /** GET a path below the base URL, with header names and values in pairs; the body as text. */
    public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return HTTP.send(withHeaders(request(path).GET(), headers).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET a path below the base URL, with header names and values in pairs; the body as bytes. */
    public HttpResponse<byte[]> getBytes(String path, String... headers) throws IOException, InterruptedException {
        return HTTP.send(withHeaders(request(path).GET(), headers).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A status and a body. */
    public record Response(int status, String body) {}

    /** A GET with its request target sent as is (java.net.URI refuses the malformed ones tests probe). */
    public Response getRaw(String requestTarget) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(60_000);
            s.getOutputStream().write(("GET " + requestTarget + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int bodyAt = response.indexOf("\r\n\r\n");
            return new Response(Integer.parseInt(response.substring(9, 12)), bodyAt < 0 ? "" : response.substring(bodyAt + 4));
        }
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder b, String... headers) {
        if (headers.length % 2 != 0) throw new IllegalArgumentException("header names and values come in pairs");
        for (int i = 0; i < headers.length; i += 2) if (headers[i + 1] != null) b.header(headers[i], headers[i + 1]);
        return b;
    }
}
