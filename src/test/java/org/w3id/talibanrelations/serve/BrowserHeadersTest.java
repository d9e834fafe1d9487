package org.w3id.talibanrelations.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.talibanrelations.TestServer;

/**
 * What a browser gets: every response carries the headers that keep served content from running as
 * code (a Content-Security-Policy allowing scripts and styles from this origin only, nosniff, a
 * referrer policy, no framing), and no HTML page relies on what that policy forbids: no inline script
 * or style, no event-handler attribute. One test per kind of page.
 */
class BrowserHeadersTest {
    @RegisterExtension static final TestServer server = TestServer.onRealData();

    private static HttpResponse<String> get(String path) throws Exception {
        return server.get(path.substring(1), "Accept", "text/html");
    }

    static final List<String> PAGES = List.of("/", "/query", "/overview", "/ontology.html", "/doc/actor/russia.html",
            "/doc/fact/000-russia-formally-recognizes-iea-2025-07-04.html", "/doc/source/international-relations-with-the-taliban.html",
            "/doc/actor/islamic-emirate-of-afghanistan.html");

    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern FORBIDDEN = Pattern.compile("<style\\b|\\sstyle\\s*=|\\son[a-z]+\\s*=|javascript:", Pattern.CASE_INSENSITIVE);

    @TestFactory
    Stream<DynamicTest> everyKindOfPageHasTheHeadersAndNothingThePolicyForbids() {
        return PAGES.stream().map(p -> DynamicTest.dynamicTest(p, () -> {
            HttpResponse<String> r = get(p);
            assertEquals(200, r.statusCode(), p);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), p);
            assertHeaders(r, p);
            List<String> problems = new ArrayList<>();
            Matcher m = SCRIPT.matcher(r.body());
            while (m.find()) {
                String attrs = m.group(1);
                if (!attrs.contains("src=\"/assets/") && !attrs.contains("type=\"application/json\"")) problems.add("inline script: " + m.group());
            }
            Matcher f = FORBIDDEN.matcher(r.body());
            while (f.find()) problems.add("forbidden by the policy: " + r.body().substring(Math.max(0, f.start() - 40), Math.min(r.body().length(), f.end() + 40)));
            if (!problems.isEmpty()) fail(p + ":\n  " + String.join("\n  ", problems));
        }));
    }

    private static void assertHeaders(HttpResponse<?> r, String what) {
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'") && csp.contains("style-src 'self'")
                && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"), what + ": " + csp);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), what);
        assertTrue(r.headers().firstValue("Referrer-Policy").isPresent(), what);
    }

    @Test
    void errorsAnswersAndAssetsCarryThemToo() throws Exception {
        for (String p : List.of("/kg/sparql?query=ASK%7B%7D", "/kg/sparql?query=nonsense", "/no/such/page", "/assets/site.css", "/assets/query.js", "/dumps/kg.trig"))
            assertHeaders(get(p), p);
        HttpResponse<String> css = get("/assets/site.css");
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertEquals(404, get("/assets/../simplelogger.properties").statusCode());
        assertEquals(404, get("/assets/none.js").statusCode());
    }
}
