package org.quire.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueTypeTest {

    @Test
    void durationsInEveryUnit() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(2), Durations.parse("2s"));
        assertEquals(Duration.ofMinutes(5), Durations.parse("5m"));
        assertEquals(Duration.ofHours(1), Durations.parse(" 1h "));
        assertEquals(Duration.ofDays(1), Durations.parse("1d"));
        assertEquals(Duration.ofSeconds(3), Durations.parse("3S"));
    }

    @Test
    void bareNumberDurationSaysWhichUnitsAreValid() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("5"));
        assertEquals("expected a duration like 500ms or 2s, got \"5\" (a number needs a unit: ms, s, m, h or d)",
                e.getMessage());
    }

    @Test
    void wordIsNotADuration() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("fast"));
        assertTrue(e.getMessage().startsWith("expected a duration like 500ms or 2s, got \"fast\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("-1s"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("1.5s"));
    }

    @Test
    void durationFormatRoundTrips() {
        for (String s : List.of("500ms", "2s", "90s", "5m", "1h", "36h", "2d", "0s")) {
            assertEquals(s, Durations.format(Durations.parse(s)));
        }
    }

    @Test
    void sizesAre1024Based() {
        assertEquals(500L * 1024, ByteSizes.parse("500KB"));
        assertEquals(10L * 1024 * 1024, ByteSizes.parse("10MB"));
        assertEquals(1L << 30, ByteSizes.parse("1GB"));
        assertEquals(1L << 30, ByteSizes.parse("1gib"));
        assertEquals(65536L, ByteSizes.parse("65536"));
        assertEquals(12L, ByteSizes.parse("12B"));
        assertEquals("20MB", ByteSizes.format(20L << 20));
        assertEquals("1500", ByteSizes.format(1500));
    }

    @Test
    void badSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ByteSizes.parse("big"));
        assertTrue(e.getMessage().contains("got \"big\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ByteSizes.parse("1.5GB"));
        assertThrows(IllegalArgumentException.class, () -> ByteSizes.parse("10 XB"));
        assertThrows(IllegalArgumentException.class, () -> ByteSizes.parse("999999999999999TB"));
    }

    @Test
    void booleansIntsDoublesScopes() {
        assertEquals(true, ValueType.BOOLEAN.parse("true"));
        assertEquals(false, ValueType.BOOLEAN.parse("False"));
        assertEquals("expected true or false, got \"yes please\"",
                assertThrows(IllegalArgumentException.class, () -> ValueType.BOOLEAN.parse("yes please")).getMessage());
        assertEquals(16, ValueType.INT.parse("16"));
        assertEquals("expected a whole number, got \"1.5\"",
                assertThrows(IllegalArgumentException.class, () -> ValueType.INT.parse("1.5")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ValueType.INT.parse("99999999999"));
        assertEquals(99999999999L, ValueType.LONG.parse("99999999999"));
        assertEquals(1.5, ValueType.DOUBLE.parse("1.5"));
        assertThrows(IllegalArgumentException.class, () -> ValueType.DOUBLE.parse("NaN"));
        assertThrows(IllegalArgumentException.class, () -> ValueType.DOUBLE.parse("two"));
        assertEquals(CrawlScope.DOMAIN, ValueType.SCOPE.parse("domain"));
        assertEquals("expected one of host, domain, prefix, any, got \"site\"",
                assertThrows(IllegalArgumentException.class, () -> ValueType.SCOPE.parse("site")).getMessage());
    }

    @Test
    void scalarTypesRefuseListsAndNothing() {
        assertEquals("expected a whole number, got a list",
                assertThrows(IllegalArgumentException.class, () -> ValueType.INT.parse(List.of("1"))).getMessage());
        assertEquals("expected a duration like 500ms or 2s, got nothing",
                assertThrows(IllegalArgumentException.class, () -> ValueType.DURATION.parse(null)).getMessage());
        assertEquals("", ValueType.STRING.parse(null));
    }

    @Test
    void regexListsAreCheckedAsRegularExpressions() {
        assertEquals(List.of("a.*", "\\?x="), ValueType.REGEX_LIST.parse(List.of("a.*", "\\?x=")));
        assertEquals(List.of("only"), ValueType.REGEX_LIST.parse("only"));
        assertEquals(List.of(), ValueType.REGEX_LIST.parse(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ValueType.REGEX_LIST.parse(List.of("ok", "[unclosed")));
        assertTrue(e.getMessage().startsWith("not a valid regular expression: \"[unclosed\""), e.getMessage());
    }
}
