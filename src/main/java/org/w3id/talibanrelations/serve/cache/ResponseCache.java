package org.w3id.talibanrelations.serve.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

import org.apache.commons.codec.digest.DigestUtils;
import jakarta.servlet.http.HttpServletRequest;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.DEF;
import org.apache.jena.fuseki.system.ConNeg;

/**
 * Complete successful query responses, kept by the request that produced them, within a budget of
 * bytes; the least recently used go first. The served dataset never changes while the server runs,
 * so a response is a function of the query text, the other request parameters (dataset, output
 * format, callback, ...) and the media types content negotiation picks from the Accept header: the
 * key holds exactly these, whatever the method (GET, POST form, POST application/sparql-query).
 * Only responses of deterministic queries are put here (see {@link QueryScan}); RequestGuard decides.
 * <p>
 * The strong ETag of a response is a hash of the dataset's tag (its content, or the inputs of a stored
 * dataset) and the key, so that it is the same after a restart on the same data, and a request whose
 * If-None-Match holds it can be answered 304 without running the query, in the cache or not.
 */
public final class ResponseCache {
    /** The default budget: 64 MiB. */
    public static final long DEFAULT_BYTES = 64L << 20;
    /** Request attribute set by GuardedQueryService when the parsed query is deterministic. */
    public static final String DETERMINISTIC = "tir.deterministic";
    /**
     * Shared caches may keep a response 5 minutes; after that they revalidate with its ETag, which
     * costs a 304 and no query. The data changes only with a redeployment, and 5 minutes bounds how
     * long a client may see the previous deployment's answers.
     */
    public static final String CACHE_CONTROL = "public, max-age=300";
    /** Fuseki's own Vary for query responses (it sets it on GET only); the body depends on Accept. */
    public static final String VARY = "Accept,Accept-Encoding,Accept-Charset,Origin,Access-Control-Request-Method,Access-Control-Request-Headers";
    /** Estimated bytes an entry costs beyond its body and key: the map node, the entry, its strings. */
    private static final int OVERHEAD = 200;

    /** A stored response: its body, its Content-Type header and its ETag. */
    public record Entry(byte[] body, String contentType, String etag) {}

    private final long maxBytes, maxEntryBytes;
    private final String datasetTag;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes, evictions;
    private final LongAdder hits = new LongAdder(), misses = new LongAdder(), notModified = new LongAdder();

    /**
     * @param maxBytes   the budget; 0 keeps nothing (ETags and 304 still work)
     * @param datasetTag names the served dataset's content, for ETags
     */
    public ResponseCache(long maxBytes, String datasetTag) {
        if (maxBytes < 0) throw new IllegalArgumentException("cache bytes < 0: " + maxBytes);
        this.maxBytes = maxBytes;
        this.maxEntryBytes = maxBytes / 16;
        this.datasetTag = datasetTag;
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
        return '"' + HexFormat.of().formatHex(md.digest(), 0, 16) + '"';
    }

    /**
     * A strong ETag for a response that is not keyed here (a Graph Store read, a linked-data page): a
     * hash of its bytes, which change only with the data.
     */
    public static String bodyEtag(byte[] body, int length) {
        MessageDigest md = DigestUtils.getSha256Digest();
        md.update(body, 0, length);
        return '"' + HexFormat.of().formatHex(md.digest(), 0, 16) + '"';
    }

    /** Whether an If-None-Match header names an ETag (weak comparison, as RFC 9110 asks); "*" only if anyMatches. */
    public static boolean matches(String ifNoneMatch, String etag, boolean anyMatches) {
        for (String tag : ifNoneMatch.split(",")) {
            tag = tag.trim();
            if (tag.startsWith("W/")) tag = tag.substring(2);
            if (tag.equals(etag) || (anyMatches && tag.equals("*"))) return true;
        }
        return false;
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

    /** The entry for a key, or null; counts nothing. */
    public synchronized Entry get(String key) {
        return enabled() ? entries.get(key) : null;
    }

    /** Counts a response served from the cache. */
    public void hit() { hits.increment(); }
    /** Counts a request the cache could have answered, that ran its query. */
    public void miss() { misses.increment(); }
    /** Counts a 304 Not Modified. */
    public void notModified() { notModified.increment(); }

    /** Whether a body of this length would be kept (so that larger ones are not copied for nothing). */
    public boolean accepts(int bodyLength) { return enabled() && bodyLength + OVERHEAD <= maxEntryBytes; }

    /** Stores a response (replacing the key's entry, if any), unless too large; evicts the least recently used beyond the budget. */
    public synchronized void put(String key, Entry entry) {
        long size = size(key, entry);
        if (size > maxEntryBytes) return;
        Entry old = entries.put(key, entry);
        if (old != null) bytes -= size(key, old);
        bytes += size;
        for (Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator(); bytes > maxBytes && it.hasNext(); ) {
            Map.Entry<String, Entry> eldest = it.next();
            bytes -= size(eldest.getKey(), eldest.getValue());
            it.remove();
            evictions++;
        }
    }

    private static long size(String key, Entry e) {
        return e.body().length + 2L * key.length() + 2L * e.contentType().length() + 2L * e.etag().length() + OVERHEAD;
    }

    /** Responses served from the cache. */
    long hits() { return hits.sum(); }
    /** Requests the cache could have answered, that ran the query. */
    long misses() { return misses.sum(); }
    /** 304 Not Modified answers. */
    long notModifiedCount() { return notModified.sum(); }
    /** Entries dropped to stay within the budget. */
    synchronized long evictions() { return evictions; }
    /** Estimated bytes held. */
    synchronized long bytes() { return bytes; }
    /** Entries held. */
    synchronized int size() { return entries.size(); }

    /** Publishes the counters in a Micrometer registry (Fuseki's, served at /$/metrics). */
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("tir.cache.hits", this, ResponseCache::hits)
                .description("Query responses served from the response cache").register(registry);
        FunctionCounter.builder("tir.cache.misses", this, ResponseCache::misses)
                .description("Query requests the response cache could have answered, that ran the query").register(registry);
        FunctionCounter.builder("tir.cache.not.modified", this, ResponseCache::notModifiedCount)
                .description("Query requests answered 304 Not Modified, without running the query").register(registry);
        FunctionCounter.builder("tir.cache.evictions", this, ResponseCache::evictions)
                .description("Responses dropped from the cache to stay within its budget").register(registry);
        Gauge.builder("tir.cache.bytes", this, ResponseCache::bytes).description("Bytes the response cache holds (estimated)").register(registry);
        Gauge.builder("tir.cache.entries", this, ResponseCache::size).description("Responses the cache holds").register(registry);
        Gauge.builder("tir.cache.max.bytes", this, c -> c.maxBytes).description("The response cache's budget in bytes").register(registry);
    }
}
