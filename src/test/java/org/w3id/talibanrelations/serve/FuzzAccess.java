package org.w3id.talibanrelations.serve;

import java.util.Map;

/** Opens the fuzz campaign of {@link FuzzTest} to the benchmarks package. */
public final class FuzzAccess {
    private FuzzAccess() {}

    /** See {@link FuzzTest#fuzz}. */
    public static Map<Integer, Long> fuzz(String endpoint, int count, int clients, long seed) throws Exception {
        return FuzzTest.fuzz(endpoint, count, clients, seed);
    }
}
