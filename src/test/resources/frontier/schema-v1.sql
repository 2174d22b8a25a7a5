-- A frontier database as schema version 1 (quire before the fingerprint index) left it: the DDL of that version,
-- verbatim, and rows of one crawl stopped while a URL was in flight. One statement per line.
CREATE TABLE IF NOT EXISTS hosts (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, next_allowed INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS urls (id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, host_id INTEGER NOT NULL REFERENCES hosts(id), depth INTEGER NOT NULL, via TEXT, discovery_path TEXT NOT NULL, state INTEGER NOT NULL DEFAULT 0 CHECK (state IN (0, 1, 2)), attempts INTEGER NOT NULL DEFAULT 0, not_before INTEGER NOT NULL DEFAULT 0, outcome TEXT, done_at INTEGER, warc_file TEXT, warc_offset INTEGER, record_id TEXT);
CREATE INDEX IF NOT EXISTS urls_queue ON urls(host_id, id) WHERE state = 0;
CREATE INDEX IF NOT EXISTS urls_in_flight ON urls(host_id) WHERE state = 1;
PRAGMA journal_mode = WAL;
PRAGMA user_version = 1;
INSERT INTO hosts(id, name, next_allowed) VALUES (1, 'a.test', 0), (2, 'b.test', 0);
INSERT INTO urls(id, url, host_id, depth, via, discovery_path, state, attempts, outcome, done_at, warc_file, warc_offset, record_id) VALUES (1, 'http://a.test/', 1, 0, NULL, '', 2, 1, '200', 1764190000000, 'quire-1.warc.gz', 1234, '<urn:uuid:11111111-1111-1111-1111-111111111111>');
INSERT INTO urls(id, url, host_id, depth, via, discovery_path, state, attempts, outcome, done_at) VALUES (2, 'http://a.test/gone', 1, 1, 'http://a.test/', 'L', 2, 1, '404', 1764190001000);
INSERT INTO urls(id, url, host_id, depth, via, discovery_path, state, attempts) VALUES (3, 'http://a.test/in-flight', 1, 1, 'http://a.test/', 'L', 1, 0);
INSERT INTO urls(id, url, host_id, depth, via, discovery_path, state, attempts) VALUES (4, 'http://a.test/queued', 1, 1, 'http://a.test/', 'L', 0, 0);
INSERT INTO urls(id, url, host_id, depth, via, discovery_path, state, attempts, not_before) VALUES (5, 'http://b.test/retry', 2, 1, 'http://a.test/', 'L', 0, 2, 0);
