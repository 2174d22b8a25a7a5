package org.quire.fetch;

/** A body could not be decoded from its Content-Encoding: unknown coding, corrupt data, or over the size limit. */
public class ContentDecodingException extends Exception {

    public ContentDecodingException(String message) {
        super(message);
    }

    public ContentDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
