package org.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.jsoup.nodes.Document;
import org.quire.config.InputException;
import org.quire.extract.ExtractOptions;
import org.quire.extract.ExtractedPage;
import org.quire.extract.HtmlDecoder;
import org.quire.extract.HtmlExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code quire extract}: prints the main text of an HTML file (or stdin), or with {@code --out DIR} extracts many
 * files in parallel into DIR.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract the main text (and metadata) of HTML files.")
public final class ExtractCommand implements Callable<Integer> {

    /** Output formats. */
    public enum Format { text, markdown, json }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Option(names = "--url", description = "Base URL of the page (resolves relative links).")
    String url;

    @Option(names = "--format", defaultValue = "text", description = "text, markdown or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--with-comments", description = "Keep the page's comment section, after the main text "
            + "(dropped by default; in crawls: config key extract.comments).")
    boolean withComments;

    @Option(names = "--out", description = "Write DIR/<name>.txt|.md|.json for every file instead of printing.")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "FILE|-", description = "HTML files, or - for standard input.")
    List<String> files = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        for (String f : files) {
            if (!f.equals("-") && !Files.isRegularFile(Path.of(f))) {
                throw new InputException(f + ": no such file");
            }
        }
        if (out == null) {
            if (files.size() > 1) {
                throw new InputException("several files need --out DIR");
            }
            String f = files.get(0);
            byte[] bytes = f.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(f));
            PrintWriter w = spec.commandLine().getOut();
            w.println(render(extract(bytes)));
            w.flush();
            return ExitCode.OK;
        }
        return extractAll();
    }

    private int extractAll() throws Exception {
        Files.createDirectories(out);
        PrintWriter err = spec.commandLine().getErr();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        try {
            List<Future<String>> results = new ArrayList<>();
            for (String f : files) {
                results.add(pool.submit(() -> {
                    try {
                        byte[] bytes = f.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(f));
                        String name = f.equals("-") ? "stdin" : Path.of(f).getFileName().toString();
                        Files.writeString(out.resolve(baseName(name) + extension()), render(extract(bytes)),
                                StandardCharsets.UTF_8);
                        done.incrementAndGet();
                        return null;
                    } catch (IOException | RuntimeException | StackOverflowError e) {
                        return f + ": " + e;
                    }
                }));
            }
            int failed = 0;
            for (Future<String> r : results) {
                String failure = r.get();
                if (failure != null) {
                    failed++;
                    err.println("quire: extract failed: " + failure);
                }
            }
            double secs = (System.nanoTime() - start) / 1e9;
            err.printf("quire: extracted %d of %d files into %s in %.1f s (%.0f pages/s, %d threads)%n",
                    done.get(), files.size(), out, secs, done.get() / Math.max(secs, 1e-9), threads);
            err.flush();
            return failed == 0 ? ExitCode.OK : ExitCode.FAILED;
        } finally {
            pool.shutdownNow();
        }
    }

    private ExtractedPage extract(byte[] bytes) {
        Document doc = HtmlDecoder.parse(bytes, null, url);
        return new HtmlExtractor(new ExtractOptions(withComments)).extract(doc);
    }

    private String render(ExtractedPage page) {
        return switch (format) {
            case text -> page.text();
            case markdown -> page.markdown();
            case json -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("text", page.text());
                m.put("metadata", page.metadata());
                try {
                    yield JSON.writeValueAsString(m);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private String extension() {
        return switch (format) {
            case text -> ".txt";
            case markdown -> ".md";
            case json -> ".json";
        };
    }

    private static String baseName(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".html")) {
            return name.substring(0, name.length() - 5);
        }
        if (lower.endsWith(".htm")) {
            return name.substring(0, name.length() - 4);
        }
        return name;
    }
}
