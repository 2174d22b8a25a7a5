package org.quire.fetch;

import java.util.HashMap;
import java.util.Map;

/**
 * Why a fetch attempt did not yield an archived HTTP response, or why a URL was not fetched at all.
 * One family shared by crawl.log, pages.jsonl, the summary and the tests. The {@link #code()} is what crawl.log
 * prints in its status column (Heritrix prints negative numbers there; quire prints these names).
 */
public enum ErrorKind {
    DNS("dns", true),
    CONNECT("connect", true),
    TIMEOUT("timeout", true),
    RESET("reset", true),
    TLS("tls", false),
    PROTOCOL("protocol", true),
    TOO_LARGE("too-large", false),
    PRIVATE_ADDRESS("private-address", false),
    ROBOTS_DENIED("robots-denied", false),
    ROBOTS_UNAVAILABLE("robots-unavailable", true),
    OUT_OF_SCOPE("out-of-scope", false),
    TOO_DEEP("too-deep", false),
    TRAP("trap", false),
    BAD_URL("bad-url", false),
    TOO_MANY_REDIRECTS("too-many-redirects", false),
    HTTP_STATUS("http-status", false),
    BAD_CONTENT("bad-content", false),
    LIMIT_REACHED("limit-reached", false),
    IO("io", true);

    private final String code;
    private final boolean retryable;

    ErrorKind(String code, boolean retryable) {
        this.code = code;
        this.retryable = retryable;
    }

    /** Short lower-case name, as printed in crawl.log, pages.jsonl and summary.json. */
    public String code() {
        return code;
    }

    /**
     * Whether this is quire's own decision not to fetch a URL (robots.txt, scope, depth, traps, limits, private
     * addresses) rather than something that went wrong.
     */
    public boolean refusal() {
        return switch (this) {
            case ROBOTS_DENIED, OUT_OF_SCOPE, TOO_DEEP, TRAP, BAD_URL, LIMIT_REACHED, PRIVATE_ADDRESS -> true;
            default -> false;
        };
    }

    /** The kind with this {@link #code()}, or null when the text is not one (e.g. an HTTP status). */
    public static ErrorKind fromCode(String code) {
        return code == null ? null : BY_CODE.get(code);
    }

    private static final Map<String, ErrorKind> BY_CODE = byCode();

    private static Map<String, ErrorKind> byCode() {
        Map<String, ErrorKind> m = new HashMap<>();
        for (ErrorKind k : values()) {
            m.put(k.code, k);
        }
        return Map.copyOf(m);
    }

    /** Whether a later attempt of the same URL may succeed (network trouble) rather than fail the same way. */
    public boolean retryable() {
        return retryable;
    }
}
