package org.quire.fetch;

/** One header line as sent or received, in order; names keep their case. */
public record HttpHeader(String name, String value) {
}
