package org.quire.extract;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Pages that declare no language get one detected from their main text; declared ones are kept. */
class LanguageDetectionTest {

    private static PageMetadata extract(String html) {
        return new HtmlExtractor().extract(HtmlDecoder.parse(html.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "text/html; charset=utf-8", "https://example.org/a")).metadata();
    }

    private static String page(String title, String... paragraphs) {
        StringBuilder sb = new StringBuilder("<html><head><title>").append(title).append("</title></head><body>")
                .append("<nav><a href='/'>Home</a></nav><article><h1>").append(title).append("</h1>");
        for (String p : paragraphs) {
            sb.append("<p>").append(p).append("</p>");
        }
        return sb.append("</article></body></html>").toString();
    }

    @Test
    void englishPageWithoutLangAttributeIsDetectedAsEnglish() {
        PageMetadata m = extract(page("Council approves the new bridge",
                "The city council voted on Tuesday evening to approve the construction of a new bridge across the "
                        + "river, ending a debate that had lasted for more than three years.",
                "Supporters say the bridge will cut travel times for thousands of commuters, while critics worry "
                        + "about the cost and the effect on the old town."));
        assertEquals("en", m.language());
    }

    @Test
    void germanPageWithoutLangAttributeIsDetectedAsGerman() {
        PageMetadata m = extract(page("Stadtrat beschließt neue Brücke",
                "Der Stadtrat hat am Dienstagabend den Bau einer neuen Brücke über den Fluss beschlossen und damit "
                        + "eine Debatte beendet, die mehr als drei Jahre gedauert hatte.",
                "Befürworter sagen, die Brücke werde die Fahrzeit für tausende Pendler verkürzen, während Kritiker "
                        + "sich um die Kosten und die Wirkung auf die Altstadt sorgen."));
        assertEquals("de", m.language());
    }

    @Test
    void declaredLanguageWinsOverDetection() {
        String html = page("Council approves the new bridge",
                "The city council voted on Tuesday evening to approve the construction of a new bridge across the "
                        + "river, ending a debate that had lasted for more than three years.")
                .replace("<html>", "<html lang='fr-FR'>");
        assertEquals("fr", extract(html).language());
    }

    @Test
    void tooLittleTextGivesNoGuess() {
        assertNull(LanguageDetection.detect("OK 42"));
        assertNull(LanguageDetection.detect(null));
    }
}
