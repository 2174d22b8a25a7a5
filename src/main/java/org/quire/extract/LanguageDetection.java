package org.quire.extract;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import java.util.Locale;

/**
 * Guesses the language of a page's text when its markup declares none, with lingua. Frugal by design: the detector
 * is built only when the first page without a declared language arrives, it knows a restricted set of widely used
 * languages ({@link #LANGUAGES}), runs in low-accuracy mode (trigram models only, loaded per language on first
 * need) and reads at most {@link #MAX_CHARS} characters of a text. Thread-safe.
 */
public final class LanguageDetection {

    /** The languages quire can detect (markup may still declare any language). */
    static final Language[] LANGUAGES = {
            Language.ENGLISH, Language.GERMAN, Language.FRENCH, Language.SPANISH, Language.ITALIAN,
            Language.PORTUGUESE, Language.DUTCH, Language.POLISH, Language.RUSSIAN, Language.UKRAINIAN,
            Language.SWEDISH, Language.DANISH, Language.BOKMAL, Language.FINNISH, Language.CZECH,
            Language.SLOVAK, Language.HUNGARIAN, Language.ROMANIAN, Language.TURKISH, Language.GREEK,
            Language.BULGARIAN, Language.CROATIAN, Language.CATALAN, Language.INDONESIAN, Language.VIETNAMESE,
            Language.ARABIC, Language.PERSIAN, Language.HEBREW, Language.HINDI, Language.CHINESE,
            Language.JAPANESE, Language.KOREAN};

    /** Characters of text looked at; more adds time, not accuracy. */
    static final int MAX_CHARS = 400;

    /** Fewer letters than this give no guess (too little evidence). */
    static final int MIN_LETTERS = 20;

    private LanguageDetection() {
    }

    /** Built on first use only (class initialisation is lazy and thread-safe). */
    private static final class Holder {
        static final LanguageDetector DETECTOR = LanguageDetectorBuilder.fromLanguages(LANGUAGES)
                .withLowAccuracyMode()
                .build();
    }

    /**
     * The ISO 639-1 code of the language of {@code text} ({@code en}, {@code de}, ...), or null when the text is
     * too short or the language is not one of {@link #LANGUAGES} or not clear.
     */
    public static String detect(String text) {
        if (text == null) {
            return null;
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        int letters = 0;
        for (int i = 0; i < sample.length() && letters < MIN_LETTERS; i++) {
            if (Character.isLetter(sample.charAt(i))) {
                letters++;
            }
        }
        if (letters < MIN_LETTERS) {
            return null;
        }
        Language l = Holder.DETECTOR.detectLanguageOf(sample);
        if (l == null || l == Language.UNKNOWN) {
            return null;
        }
        return l.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }
}
