package org.quire.config;

/** Which discovered URLs a crawl follows, relative to the seed they descend from. */
public enum CrawlScope {
    /** Same host name as the seed (the default). */
    HOST,
    /** Same registered domain as the seed (e.g. news.example.co.uk and www.example.co.uk). */
    DOMAIN,
    /** URLs that start with the seed URL up to its last slash. */
    PREFIX,
    /** Anything (bounded by depth and page limits). */
    ANY
}
