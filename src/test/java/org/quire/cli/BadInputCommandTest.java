package org.quire.cli;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quire.testweb.ConsoleCapture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad seeds, config and arguments, from the command line: one line naming the culprit, exit 2, nothing written. */
class BadInputCommandTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty seeds folder            | -                                  | -                           | no seed files",
            "a seed line that is not a URL | news.txt=# news\\nftp://x.org/\\n  | -                           | news.txt:2",
            "a seed file that is not text  | news.txt=BINARY                    | -                           | news.txt: not UTF-8 text",
            "a config value of a wrong type| news.txt=http://127.0.0.1:9/\\n    | crawl:\\n  max-depth: lots\\n | quire.yaml:2: crawl.max-depth",
            "an unknown config key         | news.txt=http://127.0.0.1:9/\\n    | fetch:\\n  threadz: 4\\n     | quire.yaml:2",
            "a --set of a wrong type       | news.txt=http://127.0.0.1:9/\\n    | SET crawl.max-pages=many    | --set crawl.max-pages=many",
    })
    void badInputIsOneLineExitTwoAndNothingWritten(String what, String seedFile, String config, String expected)
            throws Exception {
        Path seeds = tmp.resolve("seeds");
        Files.createDirectories(seeds);
        if (!seedFile.equals("-")) {
            String name = seedFile.substring(0, seedFile.indexOf('='));
            String body = seedFile.substring(seedFile.indexOf('=') + 1).replace("\\n", "\n");
            if (body.equals("BINARY")) {
                Files.write(seeds.resolve(name), new byte[]{(byte) 0xff, (byte) 0xfe, 0, (byte) 0xc3, 0x28, 10});
            } else {
                Files.writeString(seeds.resolve(name), body);
            }
        }
        Path archive = tmp.resolve("archive");
        List<String> args = new ArrayList<>(List.of("crawl", "--seeds", seeds.toString(), "--archive",
                archive.toString()));
        if (config.startsWith("SET ")) {
            args.addAll(List.of("--set", config.substring(4)));
        } else if (!config.equals("-")) {
            Path yaml = tmp.resolve("quire.yaml");
            Files.writeString(yaml, config.replace("\\n", "\n"));
            args.addAll(List.of("--config", yaml.toString()));
        }
        assertEquals(ExitCode.BAD_INPUT, Main.run(args.toArray(String[]::new)), what);
        String e = console.err();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("quire: ") && e.contains(expected), what + ": " + e);
        assertFalse(Files.exists(archive), "nothing written");
    }
}
