package org.quire.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Drops the blocks of the selected content that are still chrome: blocks inside chrome elements (share bars, tag
 * lists, related boxes) below the content root, link lists, short boilerplate lines ("Advertisement", "Tags:",
 * "Read also"), bylines and date lines (those belong to the metadata), and headings left without text.
 */
final class BlockFilter {

    private static final String[] BOILERPLATE_STARTS = {"advertisement", "anzeige", "werbung", "publicité",
            "publicidad", "pubblicità", "reklama", "sponsored", "tags:", "tags", "schlagwörter", "stichwörter",
            "themen:", "share", "teilen", "compartir", "partager", "condividi", "read also", "read more",
            "lesen sie auch", "lesen sie mehr", "mehr zum thema", "weiterlesen", "lea también", "leer más",
            "lire aussi", "à lire aussi", "related", "latest", "most read", "meistgelesen", "skip to",
            "zum inhalt", "print", "drucken", "email", "e-mail", "comments", "kommentare", "follow us",
            "folgen sie", "subscribe", "abonnieren", "newsletter", "click here", "sign up", "log in", "login",
            "back to top", "nach oben", "previous", "next", "zurück", "see also:", "also read", "recommended",
            "empfohlen", "you may also like", "more from", "mehr aus", "image:", "foto:", "photo:", "bild:",
            "quelle:", "source:", "copyright", "©", "all rights reserved", "alle rechte vorbehalten",
            "neueste artikel", "auch interessant", "schon gelesen", "zum weiterlesen", "weitere informationen",
            "kontakt", "notas relacionadas", "rezept drucken", "beitragsbild", "titelbild", "bild via", "foto via",
            "getty images", "shutterstock", "view comments", "permalink", "permalien", "źródło", "aufrufe",
            "release date", "category", "kategorie", "erschienen in", "mehr zu", "más noticias",
            "te puede interesar", "lee también", "leia também", "ver también", "weitere artikel",
            "das könnte sie auch", "you might also like", "related posts", "more stories", "trending",
            "popular", "beliebt", "artikel teilen", "diesen artikel", "war der artikel", "war dieser artikel",
            "was this article", "was this helpful", "mehr zum", "lesen sie", "leggi anche", "vedi anche",
            "voir aussi", "lire la suite", "en savoir plus", "plus d'infos", "mira:", "mira también", "lea:",
            "lea más", "ver más", "read next", "read the full", "up next", "next article", "previous article",
            "vorheriger artikel", "nächster artikel", "zur startseite", "home", "startseite", "menü", "menu",
            "suche", "search", "anmelden", "registrieren", "sign in", "log out", "werbung", "reklame"};
    /** Phrases that mark a very short block as a sharing or printing prompt. */
    private static final String[] SHORT_NOTICE_PARTS = {"teilen", "share", "compartir", "partager", "condividi",
            "drucken", "print", "imprimir", "imprimer", "kommentar", "comment"};
    /** Phrases of photo credits and captions. */
    private static final String[] CREDIT_PARTS = {"getty images", "shutterstock", "istock", "imago images",
            "picture alliance", "picture-alliance", "bildquelle", "fotoquelle", "photo credit", "image credit",
            "credit:", "foto:", "photo:", "bild:", "fotos:", "quelle:", "source:", "fuente:", "źródło:",
            "beitragsbild", "titelbild", "bild via", "foto via", "photo via", "bild anzeigen", "/ reuters",
            "reuters files", "/ap photo", "(ap photo", "/ dpa", "/dpa", "/ afp", "/afp"};
    /** Phrases that mark a short block as a notice (subscription, copyright, app, cookies) wherever they occur. */
    private static final String[] NOTICE_PARTS = {"subscribe", "subscriber", "newsletter", "abonnieren",
            "abonnement", "abonnent", "suscríbete", "suscribete", "abónate", "follow us", "folgen sie uns",
            "follow the", "download the", "app store", "google play", "all rights reserved", "copyright", "©",
            "alle rechte", "derechos reservados", "tous droits", "cookie", "javascript", "copyrighted",
            "written permission", "reprint", "nachdruck", "unterstützen sie", "support our", "support us",
            "hazte miembro", "werbung für", "enthält werbung", "affiliate", "provision", "partnerlink",
            "is not responsible for", "ist nicht verantwortlich", "telegram", "whatsapp-kanal", "whatsapp channel",
            "youtube-kanal", "canal de youtube", "canal de telegram"};
    private static final String[] BYLINE_STARTS = {"by ", "von ", "par ", "por ", "di ", "door ", "av ", "przez ",
            "written by ", "posted by ", "autor:", "author:", "text:", "veröffentlicht", "published", "updated",
            "aktualisiert", "posted on", "publié", "publicado"};
    private static final PhraseSet SHORT_NOTICES = new PhraseSet(SHORT_NOTICE_PARTS);
    private static final PhraseSet CREDITS = new PhraseSet(CREDIT_PARTS);
    private static final PhraseSet NOTICES_ANYWHERE = new PhraseSet(NOTICE_PARTS);
    private static final Set<Block.Kind> LINKY_KINDS = Set.of(Block.Kind.TEXT, Block.Kind.LIST, Block.Kind.ROW,
            Block.Kind.CAPTION);

    private BlockFilter() {
    }

    /** Text, list and table blocks with more of their text in links than this are link lists. */
    static final double MAX_LINK_DENSITY = 0.4;
    /** Blocks up to this many characters are dropped when they contain a notice phrase. */
    static final int NOTICE_MAX = 200;
    static final boolean NOTICES = true;
    /** Figure captions are mostly photo descriptions and credits, not article text. */
    static final boolean DROP_CAPTIONS = true;
    /** A heading whose whole section was chrome ("Related articles" + links) goes too. */
    static final boolean EMPTY_SECTIONS = true;

    static List<Block> filter(BlockCollector.Analysis a, List<ContentSelector.Range> ranges, PageMetadata md) {
        List<Block> out = new ArrayList<>();
        String author = md.author() == null ? null : md.author().toLowerCase(Locale.ROOT);
        int openHeading = -1;      // index in out of the last heading whose section has no kept text yet
        boolean sectionHadDrops = false;
        for (ContentSelector.Range r : ranges) {
            for (int i = r.start(); i < r.end(); i++) {
                Block b = a.blocks().get(i);
                boolean kept = keep(b, r, author);
                if (b.kind() == Block.Kind.HEADING) {
                    if (EMPTY_SECTIONS && openHeading >= 0 && sectionHadDrops && nextLevelNotDeeper(out, openHeading, b)) {
                        out.remove(openHeading);
                    }
                    openHeading = kept ? out.size() : -1;
                    sectionHadDrops = false;
                } else if (kept) {
                    openHeading = -1;
                } else {
                    sectionHadDrops = true;
                }
                if (kept) {
                    out.add(b);
                }
            }
        }
        if (EMPTY_SECTIONS && openHeading >= 0 && sectionHadDrops) {
            out.remove(openHeading);
        }
        // a heading with nothing after it introduced something that was removed
        while (!out.isEmpty() && out.get(out.size() - 1).kind() == Block.Kind.HEADING) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** A heading followed (after only dropped blocks) by a heading of its level or higher headed chrome. */
    private static boolean nextLevelNotDeeper(List<Block> out, int headingIndex, Block next) {
        return headingIndex == out.size() - 1 && next.level() <= out.get(headingIndex).level();
    }

    private static boolean keep(Block b, ContentSelector.Range r, String author) {
        NodeInfo strong = b.strong();
        if (strong != null && strong.depth > r.rootDepth() && strong.chars < 0.5 * r.rootChars()) {
            return false;
        }
        NodeInfo weak = b.weak();
        if (weak != null && weak.depth > r.rootDepth() && weak.chars < 0.5 * r.rootChars()
                && weak.linkDensity() > 0.3) {
            return false;
        }
        if (LINKY_KINDS.contains(b.kind()) && b.linkDensity() > MAX_LINK_DENSITY) {
            return false;
        }
        if (DROP_CAPTIONS && b.kind() == Block.Kind.CAPTION) {
            return false;
        }
        if (b.kind() == Block.Kind.CODE) {
            return true;
        }
        if (b.chars() > (NOTICES ? Math.max(NOTICE_MAX, 120) : 120)) {
            return true; // the text checks below are all for short blocks: no lower-cased copy of long ones
        }
        String lower = b.text().toLowerCase(Locale.ROOT);
        if (b.chars() <= 40) {
            for (String s : BOILERPLATE_STARTS) {
                if (lower.startsWith(s) && (lower.length() == s.length() || !Character.isLetter(lower.charAt(s.length()))
                        || !Character.isLetter(s.charAt(s.length() - 1)))) {
                    return false;
                }
            }
            if (DateNormalizer.containsDate(b.text()) || DateNormalizer.looksLikeDateOrTime(lower)) {
                return false;
            }
            if (SHORT_NOTICES.occursIn(lower)) {
                return false;
            }
        }
        if (b.chars() <= 120 && CREDITS.occursIn(lower)) {
            return false;
        }
        if (NOTICES && b.chars() <= NOTICE_MAX && NOTICES_ANYWHERE.occursIn(lower)) {
            return false;
        }
        if (b.chars() <= 100) {
            for (String s : BYLINE_STARTS) {
                if (lower.startsWith(s)) {
                    return false;
                }
            }
            if (author != null && author.length() > 3 && lower.contains(author) && b.chars() < 60) {
                return false;
            }
        }
        return true;
    }
}
