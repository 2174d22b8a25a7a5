package org.quire.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test sets by hand. */
final class DrivenClock extends Clock {

    private volatile Instant now;

    DrivenClock(String iso) {
        this.now = Instant.parse(iso);
    }

    void set(String iso) {
        now = Instant.parse(iso);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
