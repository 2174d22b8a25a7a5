/**
 * {@code quire bench}: a multi-host news-like web on loopback ({@link org.quire.bench.BenchWeb}), a crawl of it by
 * a child {@code quire crawl} process measured from outside ({@link org.quire.bench.ChildProcessMeter}), an
 * optional {@code wget --warc-file} run over the same web, and a politeness audit of what the server saw
 * ({@link org.quire.bench.PolitenessAudit}), with the live-heap curve of each crawl ({@link org.quire.bench.HeapCurve});
 * and the frontier scale fill in a heap-limited child JVM ({@link org.quire.bench.FrontierScale}).
 */
package org.quire.bench;
