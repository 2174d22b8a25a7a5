package org.quire.config;

/**
 * One checked configuration value and where it came from.
 *
 * @param value  the Java value (see {@link ValueType#parse})
 * @param source where it was set, as shown to users: {@code default}, {@code config/quire.yaml:12} or
 *               {@code --set politeness.min-delay=2s}
 */
record ConfigValue(Object value, String source) {
}
