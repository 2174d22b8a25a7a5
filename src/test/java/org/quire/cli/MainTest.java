package org.quire.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quire.testweb.ConsoleCapture;
import picocli.CommandLine.Command;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private static String name(Class<?> sub) {
        return sub.getAnnotation(Command.class).name();
    }

    @Test
    void topLevelHelpListsEverySubcommand() {
        assertEquals(0, Main.run("--help"));
        for (Class<?> sub : QuireCommand.SUBCOMMANDS) {
            assertTrue(console.out().contains("  " + name(sub) + " "), name(sub) + " missing from:\n" + console.out());
        }
    }

    @Test
    void eachSubcommandAloneStillHelpsUnderItsFullName() {
        for (Class<?> sub : QuireCommand.SUBCOMMANDS) {
            console.resetOut();
            console.resetErr();
            assertEquals(0, Main.run(name(sub), "--help"), name(sub));
            assertTrue(console.out().startsWith("Usage: quire " + name(sub)), console.out());
            // e.g. a bare '%' in a description makes picocli warn and print the raw text
            assertFalse(console.err().contains("picocli WARN"), name(sub) + ": " + console.err());
        }
    }

    @Test
    void buildsOnlyTheSubcommandNamedAndAllOtherwise() {
        assertEquals(List.of(CrawlCommand.class), Main.subcommandsFor("crawl", "--seeds", "x"));
        assertEquals(QuireCommand.SUBCOMMANDS, Main.subcommandsFor("--version"));
        assertEquals(QuireCommand.SUBCOMMANDS, Main.subcommandsFor());
    }

    @Test
    void onlyACrawlThatWillRunStartsItsBackgroundWarmUp() {
        assertTrue(Main.crawls("crawl", "news"));
        assertTrue(Main.crawls("schedule"));
        assertFalse(Main.crawls("schedule", "--list"));
        assertFalse(Main.crawls("crawl", "--help"));
        assertFalse(Main.crawls("demo", "-h"));
        assertFalse(Main.crawls("extract", "page.html"));
        assertFalse(Main.crawls("seeds", "list"));
        assertFalse(Main.crawls());
    }

    @Test
    void anUnknownSubcommandIsBadInputNamingIt() {
        assertEquals(2, Main.run("frobnicate"));
        assertTrue(console.err().contains("frobnicate"), console.err());
    }
}
