package org.quire.frontier;

/** The frontier's database failed (disk full, file locked or corrupt, ...); the crawl cannot go on safely. */
public class FrontierException extends RuntimeException {

    public FrontierException(String message, Throwable cause) {
        super(message, cause);
    }
}
