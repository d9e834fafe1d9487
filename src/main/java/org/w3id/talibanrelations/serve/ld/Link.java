package org.w3id.talibanrelations.serve.ld;

/**
 * A value as the pages show it ({@code link.mustache}): an IRI as a link to its page here, with its
 * label; a literal as its text ({@code href} null).
 */
record Link(String href, String text) {}
