package org.w3id.talibanrelations.core;

/**
 * Where a record was declared: a file as shown in messages (relative to the project root) and a
 * 1-based line, 0 when only the file is known. Kept as a value, so that a check that locates a
 * problem never parses a {@code file:line} string back (a file name may hold a colon).
 *
 * @param file the file, as {@link Layout#show} shows it
 * @param line the line, or 0
 */
public record Location(String file, long line) {

    /** {@code file:line}, as messages and {@code tir:curatedAt} give it (the line even when 0). */
    @Override
    public String toString() { return file + ":" + line; }
}
