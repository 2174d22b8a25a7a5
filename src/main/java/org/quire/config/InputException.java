package org.quire.config;

/**
 * Bad user input: a seed line, a config key or value, a command-line argument. The message is the whole
 * one-line explanation a user sees, and names the file and line, or the key, or the argument
 * (e.g. {@code seeds/news.txt:12: not an absolute http(s) URL: "ftp://x"}). Leads to exit code 2, before any
 * work starts.
 */
public class InputException extends RuntimeException {

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
