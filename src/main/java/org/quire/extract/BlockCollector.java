package org.quire.extract;

import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Linearises a cleaned document into text blocks (one per paragraph, heading, list item, table row, ...) and, in
 * the same walk, scores the ancestors of every paragraph-like block (more text and more commas score higher; the
 * parent gets the full score, farther ancestors a fraction). Two iterative passes: one bottom-up for subtree sizes,
 * one top-down for blocks.
 */
final class BlockCollector {

    /** Whether the tag starts and ends text blocks. */
    static boolean isBlockTag(String tag) {
        return switch (tag) {
            case "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dir", "div", "dl",
                    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
                    "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary",
                    "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "legend", "html", "frameset",
                    "noframes", "listing", "plaintext", "xmp", "dialog", "search" -> true;
            default -> false;
        };
    }

    /**
     * Everything the analysis found: the analysed elements in document order (the root first), the blocks, and the
     * scored candidates.
     */
    record Analysis(List<NodeInfo> infos, List<Block> blocks, List<NodeInfo> candidates) {
        /** The root element's info (body), or null when there is none. */
        NodeInfo root() {
            return infos.isEmpty() ? null : infos.get(0);
        }

        /** The element children of {@code parent} (their infos), in document order. */
        List<NodeInfo> children(NodeInfo parent) {
            List<NodeInfo> out = new ArrayList<>();
            for (int i = parent.ordinal + 1; i <= parent.lastOrdinal; i++) {
                NodeInfo c = infos.get(i);
                if (c.parent == parent) {
                    out.add(c);
                }
                i = c.lastOrdinal; // skip the child's subtree
            }
            return out;
        }
    }

    private BlockCollector() {
    }

    static Analysis analyze(Element root) {
        SizePass sizes = new SizePass(null);
        DomWalk.walk(root, sizes);
        return analyze(root, sizes);
    }

    /**
     * A size pass that can ride along on a walk over the whole document (see {@link HtmlExtractor}): it counts only
     * inside {@code root} and removes what is never visible text only when the walk leaves it, so the other visitors
     * of that walk still see every node. Hand it to {@link #analyze(Element, SizePass)} after the walk.
     */
    static SizePass sizePassWithin(Element root) {
        return new SizePass(root);
    }

    /** The analysis of {@code root} with the sizes already counted by {@code sizes} (which also cleaned it). */
    static Analysis analyze(Element root, SizePass sizes) {
        List<NodeInfo> infos = sizes.infos;
        int pageChars = infos.isEmpty() ? 0 : infos.get(0).chars;
        BlockPass pass = new BlockPass(infos, pageChars);
        DomWalk.walk(root, pass);
        pass.flush();
        return new Analysis(infos, pass.blocks, pass.candidates);
    }

    /**
     * Removes what is never visible text (see {@link DomCleaner}) and, bottom-up in the same walk, counts text
     * sizes, link text sizes, block descendants and h1 presence. Either the walk's own root is analysed and removals
     * happen on entering a node, or (deferred mode) only a given root inside a larger walk is analysed and removals
     * happen on leaving a node.
     */
    static final class SizePass implements DomWalk.Visitor {
        final List<NodeInfo> infos = new ArrayList<>();
        /** Info of the innermost open element. */
        NodeInfo open;
        /** In deferred mode, the element counted (null: the walk's root, removals in head). */
        private final Element root;
        /** Deferred mode: whether the walk is inside {@link #root}. */
        private boolean inside;
        /** Deferred mode: the never-visible node being walked through, removed in its tail. */
        private Node doomed;

        SizePass(Element root) {
            this.root = root;
        }

        @Override
        public int head(Node node, int depth) {
            if (root != null) {
                if (doomed != null) {
                    return DomWalk.CONTINUE;
                }
                if (!inside) {
                    if (node != root || DomCleaner.remove(node)) {
                        return DomWalk.CONTINUE; // (a never-visible root is not removed, as in a walk of it)
                    }
                    inside = true;
                    depth = 0;
                } else if (DomCleaner.remove(node)) {
                    doomed = node;
                    return DomWalk.CONTINUE;
                } else {
                    depth = open == null ? 0 : open.depth + 1;
                }
            }
            if (node instanceof TextNode t) {
                if (open != null) {
                    open.chars += nonWhitespace(t.getWholeText());
                }
                return DomWalk.CONTINUE;
            }
            if (root == null && DomCleaner.remove(node)) {
                return DomWalk.REMOVE;
            }
            if (node instanceof Element e) {
                NodeInfo info = new NodeInfo(e, open, infos.size());
                info.depth = depth;
                infos.add(info);
                open = info;
            }
            return DomWalk.CONTINUE;
        }

        @Override
        public void tail(Node node, int depth) {
            if (root != null) {
                if (!inside) {
                    return;
                }
                if (doomed != null) {
                    if (node == doomed) {
                        doomed = null;
                        node.remove();
                    }
                    return;
                }
                if (node == root) {
                    inside = false;
                }
            }
            if (!(node instanceof Element e)) {
                return;
            }
            NodeInfo info = open;
            String tag = e.normalName();
            if (tag.equals("a")) {
                info.linkChars = info.chars;
            } else if (tag.equals("h1")) {
                info.hasH1 = true;
            }
            info.lastOrdinal = infos.size() - 1;
            NodeInfo pi = info.parent;
            if (pi != null) {
                pi.chars += info.chars;
                pi.linkChars += info.linkChars;
                pi.blockDescendants += info.blockDescendants + (isBlockTag(tag) ? 1 : 0);
                pi.hasH1 |= info.hasH1;
            }
            open = pi;
        }
    }

    static int nonWhitespace(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80 ? c > ' ' : c != '\u00a0' && (c < 0x1680 || !Character.isWhitespace(c))) {
                n++; // (no Unicode whitespace below U+1680 except U+00A0)
            }
        }
        return n;
    }

    /** Top-down: blocks in document order, element block ranges, content scores. */
    private static final class BlockPass implements DomWalk.Visitor {
        final List<NodeInfo> infos;
        /** Ordinal of the next element to enter (the walk meets the elements in the order SizePass recorded). */
        int nextOrdinal;
        /** Info of the innermost open element. */
        NodeInfo open;
        final List<Block> blocks = new ArrayList<>();
        final List<NodeInfo> candidates = new ArrayList<>();
        final StringBuilder buf = new StringBuilder();
        int bufChars;
        int bufLinkChars;
        int commas;
        boolean pendingSpace;
        int cells;
        Element lastTextLink;
        final ArrayList<NodeInfo> blockStack = new ArrayList<>();
        final java.util.HashMap<String, Integer> classCache = new java.util.HashMap<>();
        final ArrayList<NodeInfo> negStack = new ArrayList<>();
        final ArrayList<NodeInfo> weakStack = new ArrayList<>();
        int chromeDepth;
        final ArrayList<Element> linkStack = new ArrayList<>();
        int preDepth;
        int quoteDepth;
        int listDepth;

        final int pageChars;

        BlockPass(List<NodeInfo> infos, int pageChars) {
            this.infos = infos;
            this.pageChars = pageChars;
        }

        @Override
        public int head(Node node, int depth) {
            if (node instanceof TextNode t) {
                append(t.getWholeText());
                return DomWalk.CONTINUE;
            }
            if (!(node instanceof Element e)) {
                return DomWalk.CONTINUE;
            }
            NodeInfo info = infos.get(nextOrdinal++);
            open = info;
            String tag = e.normalName();
            boolean inlineCell = (tag.equals("td") || tag.equals("th")) && info.blockDescendants == 0;
            info.block = !inlineCell && (isBlockTag(tag) || info.blockDescendants > 0);
            if (info.block) {
                flush();
                blockStack.add(info);
                info.firstBlock = blocks.size();
            } else {
                info.firstBlock = blocks.size();
            }
            switch (tag) {
                case "br" -> {
                    if (preDepth == 0 && bufChars > 0) {
                        trimTrailingSpace();
                        buf.append('\n');
                        pendingSpace = false;
                    }
                }
                case "a" -> linkStack.add(e);
                case "pre", "listing", "xmp", "plaintext" -> preDepth++;
                case "blockquote" -> quoteDepth++;
                case "ul", "ol", "dl", "menu", "dir" -> listDepth++;
                case "td", "th" -> {
                    if (inlineCell) {
                        if (cells > 0 && bufChars > 0) {
                            trimTrailingSpace();
                            buf.append(" | ");
                            pendingSpace = false;
                        }
                        cells++;
                    }
                }
                default -> {
                }
            }
            int cw = tag.equals("body") || tag.equals("html") ? ClassHints.NEUTRAL : classWeight(e);
            if (cw < 0 && info.chars > pageChars / 2 && !commentLike(e)) {
                cw = ClassHints.NEUTRAL; // a chrome-sounding class on the box holding most of the page is layout
            }
            info.classWeight = cw;
            boolean byTag = ClassHints.negativeByTag(e, tag);
            boolean strong = byTag || cw == ClassHints.STRONG_NEGATIVE || (tag.equals("header") && !info.hasH1);
            if (strong && info.hasH1 && !tag.equals("form") && !commentLike(e)) {
                strong = false;
            }
            if (strong && info.chars > pageChars / 2 && !commentLike(e)) {
                strong = false; // a wrapper of most of the page (ASP.NET form, "page-with-sidebar") is layout
            }
            boolean weak = !strong && cw == ClassHints.WEAK_NEGATIVE && !info.hasH1;
            info.strongNegative = strong;
            info.weakNegative = weak;
            if (strong) {
                negStack.add(info);
            }
            if (weak) {
                weakStack.add(info);
            }
            if (byTag && !tag.equals("form")) {
                chromeDepth++;
                info.chromeTag = true;
            }
            info.inChrome = chromeDepth > 0;
            info.inStrongNegative = !negStack.isEmpty();
            return DomWalk.CONTINUE;
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return;
            }
            NodeInfo info = open;
            open = info.parent;
            if (info.block) {
                flush();
                blockStack.remove(blockStack.size() - 1);
            }
            info.endBlock = blocks.size();
            switch (e.normalName()) {
                case "a" -> linkStack.remove(linkStack.size() - 1);
                case "pre", "listing", "xmp", "plaintext" -> preDepth--;
                case "blockquote" -> quoteDepth--;
                case "ul", "ol", "dl", "menu", "dir" -> listDepth--;
                case "p", "div" -> {
                    // a paragraph ending inside an inline context still ends the line
                }
                default -> {
                }
            }
            if (info.strongNegative) {
                negStack.remove(negStack.size() - 1);
            }
            if (info.weakNegative) {
                weakStack.remove(weakStack.size() - 1);
            }
            if (info.chromeTag) {
                chromeDepth--;
            }
        }

        /** Class judgements repeat a lot within a page (every menu item, every paragraph): computed once each. */
        private int classWeight(Element e) {
            if (e.attributesSize() == 0) {
                return ClassHints.NEUTRAL;
            }
            Attributes attrs = e.attributes();
            String cls = attrs.get("class").trim();
            String id = attrs.get("id");
            if (cls.isEmpty() && id.isEmpty()) {
                return ClassHints.NEUTRAL;
            }
            String key = id.isEmpty() ? cls : cls + '#' + id;
            Integer cached = classCache.get(key);
            if (cached == null) {
                cached = ClassHints.classWeight(cls, id);
                classCache.put(key, cached);
            }
            return cached;
        }

        private static boolean commentLike(Element e) {
            String s = (e.className() + " " + e.id()).toLowerCase(java.util.Locale.ROOT);
            return s.contains("comment") || s.contains("related") || s.contains("sidebar");
        }

        private void trimTrailingSpace() {
            int n = buf.length();
            while (n > 0 && buf.charAt(n - 1) == ' ') {
                n--;
            }
            buf.setLength(n);
        }

        private void append(String s) {
            if (s.isEmpty()) {
                return;
            }
            Element link = linkStack.isEmpty() ? null : linkStack.get(linkStack.size() - 1);
            boolean inLink = link != null;
            if (preDepth > 0) {
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '\r') {
                        continue;
                    }
                    if (c < 0x80 ? c > ' ' : c < 0x1680 || !Character.isWhitespace(c)) {
                        bufChars++;
                        if (inLink) {
                            bufLinkChars++;
                        }
                    }
                    buf.append(c == '\u00a0' ? ' ' : c);
                }
                return;
            }
            boolean first = true;
            int n = s.length();
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (!visible(c)) {
                    if (!invisible(c)) {
                        pendingSpace = true; // whitespace; soft hyphens and zero-width characters just vanish
                    }
                    i++;
                    continue;
                }
                if (first) {
                    first = false;
                    // two different links side by side must not glue into one word
                    if (!pendingSpace && inLink && lastTextLink != null && lastTextLink != link && bufChars > 0) {
                        pendingSpace = true;
                    }
                }
                if (pendingSpace) {
                    int len = buf.length();
                    if (len > 0 && buf.charAt(len - 1) != '\n' && buf.charAt(len - 1) != ' ') {
                        buf.append(' ');
                    }
                    pendingSpace = false;
                }
                // a run of visible characters, and of single spaces between them (which collapse to themselves), is
                // appended in one go (String to StringBuilder: a plain copy when both hold Latin-1, no widening into
                // a char array and narrowing back), not word by word
                int start = i;
                int spaces = 0;
                while (true) { // each character read once
                    if (c == ',' || c >= '،' && (c == '،' || c == '、' || c == '，')) {
                        commas++;
                    }
                    if (++i == n) {
                        break;
                    }
                    c = s.charAt(i);
                    if (visible(c)) {
                        continue;
                    }
                    if (c == ' ' && i + 1 < n) {
                        char after = s.charAt(i + 1);
                        if (visible(after)) {
                            spaces++;
                            i++;
                            c = after;
                            continue;
                        }
                    }
                    break;
                }
                buf.append(s, start, i);
                bufChars += i - start - spaces;
                if (inLink) {
                    bufLinkChars += i - start - spaces;
                }
            }
            if (!first) {
                lastTextLink = link;
            }
        }

        /** Whether {@code c} shows as a character in running text (not whitespace, not zero-width). */
        private static boolean visible(char c) {
            if (c < 0x80) {
                return c > ' ';
            }
            return c != '\u00a0' && !invisible(c) && (c < 0x1680 || !Character.isWhitespace(c));
        }

        /** Soft hyphens and zero-width characters: invisible in running text. */
        private static boolean invisible(char c) {
            return c == '\u00ad' || c == '\u200b' || c == '\ufeff' || c == '\u2060';
        }

        void flush() {
            if (bufChars == 0) {
                reset();
                return;
            }
            NodeInfo ownerInfo = blockStack.isEmpty() ? null : blockStack.get(blockStack.size() - 1);
            Element owner = ownerInfo == null ? null : ownerInfo.element;
            String ownerTag = owner == null ? "" : owner.normalName();
            Block.Kind kind = Block.Kind.TEXT;
            int level = 0;
            Element group = null;
            if (preDepth > 0) {
                kind = Block.Kind.CODE;
            } else {
                switch (ownerTag) {
                    case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                        kind = Block.Kind.HEADING;
                        level = ownerTag.charAt(1) - '0';
                    }
                    case "li", "dd", "dt" -> {
                        kind = Block.Kind.LIST;
                        group = owner.parent();
                    }
                    case "tr" -> {
                        kind = Block.Kind.ROW;
                        group = owner.parent();
                        if (group != null && !group.normalName().equals("table") && group.parent() != null) {
                            group = group.parent();
                        }
                    }
                    case "figcaption", "caption" -> kind = Block.Kind.CAPTION;
                    default -> {
                    }
                }
            }
            String text = kind == Block.Kind.CODE ? stripBlankLines(buf) : buf.toString().strip();
            NodeInfo neg = negStack.isEmpty() ? null : negStack.get(negStack.size() - 1);
            NodeInfo weak = weakStack.isEmpty() ? null : weakStack.get(weakStack.size() - 1);
            blocks.add(new Block(kind, level, text, bufChars, bufLinkChars, quoteDepth, listDepth,
                    kind == Block.Kind.ROW ? Math.max(1, cells) : 0, group, ownerInfo, neg, weak));
            if (ownerInfo != null && bufChars >= 25 && kind != Block.Kind.HEADING) {
                score(ownerInfo, bufChars, commas, bufLinkChars);
            }
            reset();
        }

        private void score(NodeInfo owner, int chars, int commaCount, int linkChars) {
            double s = 1 + commaCount + Math.min(chars / 100, 3);
            s *= 1.0 - Math.min(1.0, (double) linkChars / chars);
            NodeInfo ai = owner.parent;
            for (int level = 0; level < 5 && ai != null; level++) {
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                if (Double.isNaN(ai.score)) {
                    ai.score = 0;
                    candidates.add(ai);
                }
                ai.score += s / divider;
                ai = ai.parent;
            }
        }

        private static String stripBlankLines(StringBuilder sb) {
            String s = sb.toString();
            int start = 0;
            while (start < s.length() && (s.charAt(start) == '\n' || s.charAt(start) == ' ')) {
                start++;
            }
            // keep indentation of the first line
            int lineStart = s.lastIndexOf('\n', start) + 1;
            return s.substring(Math.min(lineStart, start)).stripTrailing();
        }

        private void reset() {
            buf.setLength(0);
            bufChars = 0;
            bufLinkChars = 0;
            commas = 0;
            pendingSpace = false;
            cells = 0;
            lastTextLink = null;
        }
    }
}
