package org.w3id.talibanrelations.serve.ld;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.w3id.talibanrelations.serve.cache.Validators;

/**
 * {@code /assets/NAME}: the pages' style sheets and scripts, files in the jar under {@code web/}.
 * Pages load scripts and styles from here only (their Content-Security-Policy allows nothing else),
 * so no quote or query result shown on a page can run as code. Names are plain file names with a
 * known extension; anything else is 404. Browser libraries (CodeMirror, ECharts) come from their WebJars on
 * the classpath under the names {@code web/vendor.properties} gives them, so they too are this origin's.
 */
public final class AssetServlet extends HttpServlet {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*\\.(css|js|svg|png|woff2)");
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml", "png", "image/png", "woff2", "font/woff2");
    private static final String WEBJARS = "META-INF/resources/webjars/";
    private static final Properties VENDOR = properties("web/vendor.properties");
    private final Map<String, Optional<byte[]>> files = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        if (!NAME.matcher(name).matches()) { res.sendError(404); return; }
        Optional<byte[]> body = files.computeIfAbsent(name, AssetServlet::load);
        if (body.isEmpty()) { res.sendError(404); return; }
        byte[] b = body.get();
        if (Validators.answerIfNotModified(req, res, Validators.etag(b, b.length))) return;
        res.setContentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
        res.setContentLength(b.length);
        res.getOutputStream().write(b);
    }

    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse res) throws IOException { doGet(req, res); }

    /** The names of the WebJar files served, for tests. */
    static java.util.Set<String> vendorNames() { return VENDOR.stringPropertyNames(); }

    /** Where in the classpath {@code /assets/NAME} is: a file under {@code web/}, or a WebJar's file at its version. */
    static String resource(String name) {
        String vendor = VENDOR.getProperty(name);
        if (vendor == null) return "web/" + name;
        int colon = vendor.indexOf(':');
        String id = vendor.substring(0, colon).strip(), path = vendor.substring(colon + 1).strip();
        String version = properties("META-INF/maven/org.webjars.npm/" + id + "/pom.properties").getProperty("version");
        return version == null ? "web/" + name : WEBJARS + id + "/" + version + "/" + path;
    }

    private static Properties properties(String resource) {
        Properties p = new Properties();
        try (InputStream in = AssetServlet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static Optional<byte[]> load(String name) {
        try (InputStream in = AssetServlet.class.getClassLoader().getResourceAsStream(resource(name))) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
