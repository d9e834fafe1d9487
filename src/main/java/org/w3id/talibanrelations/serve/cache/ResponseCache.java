package org.w3id.talibanrelations.serve.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.apache.commons.codec.digest.DigestUtils;
import jakarta.servlet.http.HttpServletRequest;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.DEF;
import org.apache.jena.fuseki.system.ConNeg;

/**
 * Complete successful query responses, kept by the request that produced them, within a budget of
 * bytes: a Caffeine cache weighed in bytes, which chooses what to evict (W-TinyLFU). The served dataset never changes while the server runs,
 * so a response is a function of the query text, the other request parameters (dataset, output
 * format, callback, ...) and the media types content negotiation picks from the Accept header: the
 * key holds exactly these, whatever the method (GET, POST form, POST application/sparql-query).
 * Only responses of deterministic queries are put here (see {@link QueryScan}); RequestGuard decides.
 * <p>
 * The strong ETag of a response is a hash of the dataset's tag (its content, or the inputs of a stored
 * dataset) and the key, so that it is the same after a restart on the same data, and a request whose
 * If-None-Match holds it can be answered 304 without running the query, in the cache or not
 * ({@link Validators}: the server's one ETag and 304 path).
 */
public final class ResponseCache {
    /** The default budget: 64 MiB. */
    public static final long DEFAULT_BYTES = 64L << 20;
    /** Request attribute set by GuardedQueryService when the parsed query is deterministic. */
    public static final String DETERMINISTIC = "tir.deterministic";
    /** Fuseki's own Vary for query responses (it sets it on GET only); the body depends on Accept. */
    public static final String VARY = "Accept,Accept-Encoding,Accept-Charset,Origin,Access-Control-Request-Method,Access-Control-Request-Headers";
    /** Estimated bytes an entry costs beyond its body and key: the map node, the entry, its strings. */
    private static final int OVERHEAD = 200;
    /** The cache's name in the metrics (Micrometer's cache.* meters, tag cache). */
    public static final String METRICS_NAME = "tir.responses";

    /** A stored response: its body, its Content-Type header and its ETag. */
    public record Entry(byte[] body, String contentType, String etag) {}

    private final long maxBytes, maxEntryBytes;
    private final String datasetTag;
    private final Cache<String, Entry> entries;
    private final LongAdder notModified = new LongAdder();

    /**
     * @param maxBytes   the budget; 0 keeps nothing (ETags and 304 still work)
     * @param datasetTag names the served dataset's content, for ETags
     */
    public ResponseCache(long maxBytes, String datasetTag) {
        if (maxBytes < 0) throw new IllegalArgumentException("cache bytes < 0: " + maxBytes);
        this.maxBytes = maxBytes;
        this.maxEntryBytes = maxBytes / 16;
        this.datasetTag = datasetTag;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher(ResponseCache::weight)
                // Evict on the writing thread, not later in the common pool: the budget holds when put returns.
                .executor(Runnable::run)
                .recordStats()
                .build();
    }

    /** Whether anything is ever stored. */
    public boolean enabled() { return maxBytes > 0; }

    /**
     * The key of a query request, or null if the request is not one this cache can key: the query
     * text, every other parameter in name order, and what content negotiation picks for each kind of
     * result (Fuseki negotiates SELECT, ASK and CONSTRUCT/DESCRIBE against different offers).
     */
    public static String key(String queryText, Map<String, List<String>> params, HttpServletRequest request) {
        List<String> q = params.get("query");
        if (q != null && q.size() > 1) return null;
        StringBuilder key = new StringBuilder(queryText.length() + 256).append(queryText).append('\0');
        new TreeMap<>(params).forEach((name, values) -> {
            if (name.equals("query")) return;
            key.append(name);
            for (String v : values) key.append('\1').append(v);
            key.append('\0');
        });
        // The same calls Fuseki makes, so two Accept headers share an entry when they pick the same types.
        key.append(pick(request, DEF.rsOfferTable, DEF.acceptResultSetXML)).append('\0')
           .append(pick(request, DEF.rsOfferBoolean, DEF.acceptResultSetXML)).append('\0')
           .append(pick(request, DEF.constructOffer, DEF.acceptTurtle));
        return key.toString();
    }

    private static String pick(HttpServletRequest request, AcceptList offer, MediaType dflt) {
        MediaType m = ConNeg.chooseContentType(request, offer, dflt);
        return m == null ? "" : m.getContentTypeStr();
    }

    /** The strong ETag of the response to a key, quoted. */
    public String etag(String key) {
        MessageDigest md = DigestUtils.getSha256Digest();
        md.update(datasetTag.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(key.getBytes(StandardCharsets.UTF_8));
        return Validators.quoted(md.digest());
    }

    /** Whether a request asks for a fresh answer (Cache-Control or Pragma: no-cache). */
    public static boolean noCache(HttpServletRequest request) {
        for (String h : new String[] { "Cache-Control", "Pragma" }) {
            String v = request.getHeader(h);
            if (v == null) continue;
            for (String directive : v.split(","))
                if (directive.trim().equalsIgnoreCase("no-cache")) return true;
        }
        return false;
    }

    /** The entry for a key, or null; counted as a hit or a miss in the cache's statistics. */
    public Entry get(String key) {
        return enabled() ? entries.getIfPresent(key) : null;
    }

    /** Counts a 304 Not Modified. */
    public void notModified() { notModified.increment(); }

    /** Whether a body of this length would be kept (so that larger ones are not copied for nothing). */
    public boolean accepts(int bodyLength) { return enabled() && bodyLength + OVERHEAD <= maxEntryBytes; }

    /** Stores a response (replacing the key's entry, if any), unless too large; Caffeine evicts beyond the budget. */
    public void put(String key, Entry entry) {
        if (enabled() && size(key, entry) <= maxEntryBytes) entries.put(key, entry);
    }

    private static long size(String key, Entry e) {
        return e.body().length + 2L * key.length() + 2L * e.contentType().length() + 2L * e.etag().length() + OVERHEAD;
    }

    /** An entry's weight: at most maxBytes / 16 (put keeps no larger one), capped to what Caffeine takes. */
    private static int weight(String key, Entry e) {
        return (int) Math.min(Integer.MAX_VALUE, size(key, e));
    }

    /** Estimated bytes held. */
    long bytes() {
        return entries.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
    }

    /**
     * Publishes the cache in a Micrometer registry (Fuseki's, served at /$/metrics): Caffeine's statistics
     * as Micrometer's cache meters (cache.gets with result hit or miss, cache.evictions, cache.size, tag
     * cache=tir.responses), and what they do not hold: the bytes, the budget, and the 304 answers.
     */
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, entries, METRICS_NAME);
        FunctionCounter.builder("tir.cache.not.modified", notModified, LongAdder::sum)
                .description("Query requests answered 304 Not Modified, without running the query").register(registry);
        Gauge.builder("tir.cache.bytes", this, ResponseCache::bytes).description("Bytes the response cache holds (estimated)").register(registry);
        Gauge.builder("tir.cache.max.bytes", this, c -> c.maxBytes).description("The response cache's budget in bytes").register(registry);
    }
}
