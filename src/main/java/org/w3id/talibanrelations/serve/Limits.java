package org.w3id.talibanrelations.serve;

import java.time.Duration;
import java.util.List;

/**
 * What the public endpoint accepts and returns, at most. Every limit is configurable on the
 * command line; the defaults suit a public endpoint on a small machine.
 *
 * @param queryTimeout    a query is cancelled after this long (422, with a message)
 * @param maxQueryChars   longest query text, in characters (413, or 414 in a URL)
 * @param maxNesting      deepest nesting of braces, parentheses and brackets in a query (400)
 * @param maxResultRows   most rows of a SELECT, or triples of a CONSTRUCT/DESCRIBE (422 beyond)
 * @param maxBodyBytes    largest request body (413)
 * @param maxResponseBytes largest response the server buffers before sending (422 beyond)
 * @param serviceAllowList SERVICE endpoints a query may call; every other SERVICE is refused (403)
 */
public record Limits(Duration queryTimeout, int maxQueryChars, int maxNesting, long maxResultRows,
                     long maxBodyBytes, long maxResponseBytes, List<String> serviceAllowList) {

    /** The defaults: 30 s, 100,000 characters, depth 64, 100,000 rows, 1 MiB body, 256 MiB response, no SERVICE. */
    public static final Limits DEFAULT = new Limits(Duration.ofSeconds(30), 100_000, 64, 100_000,
            1 << 20, 256L << 20, List.of());

    public Limits {
        serviceAllowList = List.copyOf(serviceAllowList);
    }

    /** With another query timeout. */
    public Limits withQueryTimeout(Duration d) { return new Limits(d, maxQueryChars, maxNesting, maxResultRows, maxBodyBytes, maxResponseBytes, serviceAllowList); }
    /** With another query size limit. */
    public Limits withMaxQueryChars(int n) { return new Limits(queryTimeout, n, maxNesting, maxResultRows, maxBodyBytes, maxResponseBytes, serviceAllowList); }
    /** With another nesting limit. */
    public Limits withMaxNesting(int n) { return new Limits(queryTimeout, maxQueryChars, n, maxResultRows, maxBodyBytes, maxResponseBytes, serviceAllowList); }
    /** With another row limit. */
    public Limits withMaxResultRows(long n) { return new Limits(queryTimeout, maxQueryChars, maxNesting, n, maxBodyBytes, maxResponseBytes, serviceAllowList); }
    /** With another request body limit. */
    public Limits withMaxBodyBytes(long n) { return new Limits(queryTimeout, maxQueryChars, maxNesting, maxResultRows, n, maxResponseBytes, serviceAllowList); }
    /** With another response size limit. */
    public Limits withMaxResponseBytes(long n) { return new Limits(queryTimeout, maxQueryChars, maxNesting, maxResultRows, maxBodyBytes, n, serviceAllowList); }
    /** With SERVICE endpoints allowed (exact IRIs). */
    public Limits withServiceAllowList(List<String> iris) { return new Limits(queryTimeout, maxQueryChars, maxNesting, maxResultRows, maxBodyBytes, maxResponseBytes, iris); }
}
