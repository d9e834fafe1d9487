package org.w3id.talibanrelations.serve.http;

/**
 * How a handler refuses a request that {@link RequestGuard} has started to answer: it names the
 * status (and, where it has one, the message) on the request, because Fuseki turns any failure
 * while results are written into a 400 or 500 of its own. {@link Refused} carries a refusal out of
 * code that has no request at hand (a SERVICE call refused deep inside ARQ).
 */
public final class Refusal {
    private Refusal() {}

    /** Request attribute: the status to send instead of the handler's (an {@code Integer}). */
    public static final String STATUS = "tir.failure";
    /** Request attribute: the message to send with {@link #STATUS}, when there is one. */
    public static final String MESSAGE = "tir.failure.message";
    /** A query over one of this server's limits: a client error with the limit named, never retried blindly. */
    public static final int TOO_LARGE = 422;

    /** A refusal thrown through ARQ (it is a query execution failure there), answered with its status. */
    public static final class Refused extends org.apache.jena.query.QueryExecException {
        private final int status;

        public Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        /** The HTTP status to answer with. */
        public int status() { return status; }
    }
}
