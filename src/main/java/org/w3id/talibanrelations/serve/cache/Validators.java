package org.w3id.talibanrelations.serve.cache;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * The one way this server validates a response (query answers, Graph Store reads, linked-data pages,
 * dumps, assets): a strong ETag, the same Cache-Control, and 304 Not Modified without a body when a
 * GET or HEAD holds the ETag in If-None-Match. Jetty 12's EtagUtils and ResourceService do this for
 * files (weak ETags from a file's date and size), and Fuseki sets no ETag, so neither fits bodies made
 * from the data.
 */
public final class Validators {
    /**
     * Shared caches may keep a response 5 minutes; after that they revalidate with its ETag, which
     * costs a 304 and no query. The data changes only with a redeployment, and 5 minutes bounds how
     * long a client may see the previous deployment's answers.
     */
    public static final String CACHE_CONTROL = "public, max-age=300";

    private Validators() {}

    /** The strong ETag of a body, quoted: a hash of its bytes, which change only with the data. */
    public static String etag(byte[] body, int length) {
        MessageDigest md = DigestUtils.getSha256Digest();
        md.update(body, 0, length);
        return quoted(md.digest());
    }

    /** An ETag from a digest: its first 128 bits in hex, quoted. */
    static String quoted(byte[] digest) {
        return '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
    }

    /** The If-None-Match header of a request that may be answered 304 (GET or HEAD), else null. */
    public static String ifNoneMatch(HttpServletRequest request) {
        String method = request.getMethod();
        return "GET".equals(method) || "HEAD".equals(method) ? request.getHeader("If-None-Match") : null;
    }

    /**
     * Whether an If-None-Match header (null: none) names an ETag, by weak comparison as RFC 9110 asks;
     * "*" matches only if anyMatches (a representation exists).
     */
    public static boolean matches(String ifNoneMatch, String etag, boolean anyMatches) {
        if (ifNoneMatch == null) return false;
        for (String tag : ifNoneMatch.split(",")) {
            tag = tag.trim();
            if (tag.startsWith("W/")) tag = tag.substring(2);
            if (tag.equals(etag) || (anyMatches && tag.equals("*"))) return true;
        }
        return false;
    }

    /** Sets a response's validators: its ETag and how long others may keep it. */
    public static void validators(HttpServletResponse response, String etag) {
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", CACHE_CONTROL);
    }

    /** Answers 304 Not Modified: no body, no Content-Type, no Content-Length (a 304's may only be the 200's). */
    public static void notModified(HttpServletResponse response) throws IOException {
        response.setHeader("Content-Type", null);
        response.setStatus(304);
        response.flushBuffer();
    }

    /**
     * Sets the validators of a response about to be written and, if the request already holds its
     * ETag, answers 304; returns whether it did (then nothing more is to be written).
     */
    public static boolean answerIfNotModified(HttpServletRequest request, HttpServletResponse response, String etag) throws IOException {
        validators(response, etag);
        if (!matches(ifNoneMatch(request), etag, true)) return false;
        notModified(response);
        return true;
    }
}
