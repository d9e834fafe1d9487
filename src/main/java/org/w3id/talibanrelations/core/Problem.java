package org.w3id.talibanrelations.core;

/**
 * One reason the build refuses to publish, located at the file and line a curator has to edit.
 *
 * @param file    path of the file, relative to the project root (or the check's name when no file applies)
 * @param line    1-based line, or 0 when the problem concerns the whole file
 * @param message what is wrong, naming the fact or source concerned
 */
public record Problem(String file, long line, String message) {

    /** A problem in the whole file. */
    public static Problem inFile(String file, String message) { return new Problem(file, 0, message); }

    /** A problem at a record's location. */
    public static Problem at(Location where, String message) { return new Problem(where.file(), where.line(), message); }

    /** Renders as {@code file:line: message}, the form compilers and editors understand. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
