package org.w3id.talibanrelations.serve.ld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.talibanrelations.TestServer;

/** The browser libraries come from their WebJars at the versions pom.xml names, and every asset a page loads is served. Port 0; always stopped. */
class AssetsTest {
    @RegisterExtension static final TestServer server = TestServer.onRealData();

    private static HttpResponse<String> get(String path) throws Exception {
        return server.get(path);
    }

    @Test
    void everyVendorNameResolvesToItsWebJar() throws Exception {
        assertTrue(AssetServlet.vendorNames().contains("codemirror.js") && AssetServlet.vendorNames().contains("echarts.js"));
        for (String name : AssetServlet.vendorNames()) {
            String resource = AssetServlet.resource(name);
            assertTrue(resource.startsWith("META-INF/resources/webjars/"), name + " -> " + resource);
            HttpResponse<String> r = get("assets/" + name);
            assertEquals(200, r.statusCode(), name);
            assertTrue(r.body().length() > 500, name);
            assertEquals(name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8",
                    r.headers().firstValue("Content-Type").orElse(""), name);
        }
        assertTrue(get("assets/codemirror-sparql.js").body().contains("defineMode(\"sparql\""), "CodeMirror's SPARQL mode");
        assertEquals(404, get("assets/vendor.properties").statusCode(), "the mapping itself is not an asset");
    }

    @Test
    void everyScriptAndStyleTheQueryPageLoadsIsServed() throws Exception {
        String page = get("query").body();
        Matcher m = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+)\"").matcher(page);
        int n = 0;
        while (m.find()) {
            n++;
            assertEquals(200, get(m.group(1).substring(1)).statusCode(), m.group(1));
        }
        assertTrue(n >= 8, "CodeMirror (script, mode, hints, two style sheets), ECharts, query.js and site.css: " + n);
    }
}
