package org.quire.extract;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Chooses where the main content is: the best-scoring container (paragraph score, reduced by link density and by
 * chrome-like class names, raised near the headline), widened to a common ancestor when several good candidates
 * share one or when an ancestor holds clearly more text than chrome (weighed in constant time per element with
 * prefix sums over the blocks), else joined by those siblings that continue the text; plus the headline before it.
 */
final class ContentSelector {

    /** A run of blocks [start, end) selected as content; chrome below {@code rootDepth} is dropped from it. */
    record Range(int start, int end, int rootDepth, int rootChars) {
    }

    private ContentSelector() {
    }

    /** An ancestor replaces the top candidate when its text-minus-chrome value is this many times higher. */
    static final double CLIMB = 1.75;

    static List<Range> select(BlockCollector.Analysis a, Element body, String title) {
        return selectByScore(a, body, title);
    }

    private static double[] prefixValues(List<Block> blocks) {
        double[] prefix = new double[blocks.size() + 1];
        for (int i = 0; i < blocks.size(); i++) {
            prefix[i + 1] = prefix[i] + value(blocks.get(i));
        }
        return prefix;
    }

    /**
     * What a block adds to a container: paragraph text counts for it, link lists, chrome and short bits against it.
     */
    private static double value(Block b) {
        int chars = b.chars();
        if (b.strong() != null) {
            return -chars;
        }
        double ld = b.linkDensity();
        if (ld > 0.5) {
            return -chars * 0.7;
        }
        if (b.kind() == Block.Kind.HEADING) {
            return 0;
        }
        if (chars >= 50) {
            return chars - b.linkChars() * 2.0;
        }
        return b.weak() != null ? -chars * 0.5 : -chars * 0.2;
    }

    static List<Range> selectByScore(BlockCollector.Analysis a, Element body, String title) {
        NodeInfo bodyInfo = a.root();
        List<NodeInfo> cands = new ArrayList<>();
        for (NodeInfo c : a.candidates()) {
            if (c != bodyInfo && !c.element.normalName().equals("html")) {
                cands.add(c);
            }
        }
        if (cands.isEmpty() || bodyInfo == null) {
            return bodyInfo == null ? List.of() : List.of(range(bodyInfo));
        }
        int titleBlock = titleBlock(a, title);
        for (NodeInfo c : cands) {
            c.finalScore = computeFinalScore(c);
            if (titleBlock >= 0 && TITLE_BOOST != 1.0
                    && ((c.firstBlock <= titleBlock && titleBlock < c.endBlock)
                    || (c.firstBlock > titleBlock && c.firstBlock - titleBlock <= 6))) {
                c.finalScore *= TITLE_BOOST;
            }
        }
        cands.sort(Comparator.comparingDouble((NodeInfo c) -> c.finalScore).reversed());
        NodeInfo top = cands.get(0);
        double topScore = finalScore(top);

        // several strong candidates under one ancestor: the ancestor is the content
        List<NodeInfo> alternatives = new ArrayList<>();
        for (int i = 1; i < Math.min(5, cands.size()); i++) {
            NodeInfo alt = cands.get(i);
            if (finalScore(alt) >= topScore * 0.75 && !alt.contains(top) && !top.contains(alt)) {
                alternatives.add(alt);
            }
        }
        if (alternatives.size() >= 3) {
            for (NodeInfo pi = top.parent; pi != null && pi != bodyInfo; pi = pi.parent) {
                int count = 0;
                for (NodeInfo alt : alternatives) {
                    if (pi.contains(alt)) {
                        count++;
                    }
                }
                if (count >= 3) {
                    top = pi;
                    break;
                }
            }
        }
        // climb while the parent scores better (content split over several children)
        double lastScore = scoreOf(top);
        double threshold = lastScore / 3;
        for (NodeInfo pi = top.parent; pi != null && pi != bodyInfo; pi = pi.parent) {
            if (Double.isNaN(pi.score)) {
                continue;
            }
            if (pi.score < threshold) {
                break;
            }
            if (pi.score > lastScore) {
                top = pi;
                break;
            }
            lastScore = pi.score;
        }
        // an only child stands for its parent
        while (top.parent != null && top.parent != bodyInfo && top.parent.element.childrenSize() == 1) {
            top = top.parent;
        }
        topScore = finalScore(top);

        if (CLIMB > 0) {
            // widen to an ancestor when that adds clearly more text than chrome
            double[] prefix = prefixValues(a.blocks());
            double topValue = prefix[top.endBlock] - prefix[top.firstBlock];
            NodeInfo best = null;
            double bestValue = topValue;
            NodeInfo ai = top.parent;
            for (int up = 0; up < 8 && ai != null && ai != bodyInfo; up++) {
                double v = prefix[ai.endBlock] - prefix[ai.firstBlock];
                if (v > bestValue * CLIMB && v > bestValue) {
                    best = ai;
                    bestValue = v;
                }
                ai = ai.parent;
            }
            if (best != null) {
                List<Range> ranges = new ArrayList<>();
                ranges.add(range(best));
                addTitle(a, best, ranges, title);
                return ranges;
            }
        }

        List<Range> ranges = new ArrayList<>();
        NodeInfo parent = top.parent;
        if (parent == null) {
            ranges.add(range(top));
        } else {
            double siblingThreshold = Math.max(10, topScore * 0.2);
            String topClass = top.element.className();
            for (NodeInfo si : a.children(parent)) {
                if (si == top) {
                    ranges.add(range(top));
                    continue;
                }
                if (si.strongNegative || si.chars == 0) {
                    continue;
                }
                double bonus = !topClass.isEmpty() && topClass.equals(si.element.className()) ? topScore * 0.2 : 0;
                if (!Double.isNaN(si.score) && finalScore(si) + bonus >= siblingThreshold) {
                    ranges.add(new Range(si.firstBlock, si.endBlock, top.depth, top.chars));
                } else if (paragraphLike(si)) {
                    double ld = si.linkDensity();
                    if ((si.chars > 80 && ld < 0.25) || (si.chars > 0 && ld == 0 && endsSentence(a, si))) {
                        ranges.add(new Range(si.firstBlock, si.endBlock, top.depth, top.chars));
                    }
                }
            }
        }
        addTitle(a, top, ranges, title);
        return ranges;
    }

    /** Adds the blocks from the title heading up to the content when the heading sits just before it. */
    private static void addTitle(BlockCollector.Analysis a, NodeInfo top, List<Range> ranges, String title) {
        if (ranges.isEmpty()) {
            return;
        }
        int start = ranges.get(0).start();
        NodeInfo heading = findTitleHeading(a, title, start);
        if (heading == null || heading.firstBlock >= start) {
            return;
        }
        // the heading must share a close ancestor with the content; otherwise only the heading itself is added
        NodeInfo ai = top;
        for (int up = 0; up < 4 && ai != null; up++) {
            if (ai.firstBlock <= heading.firstBlock && heading.endBlock <= ai.endBlock) {
                int between = 0;
                for (int i = heading.firstBlock; i < start; i++) {
                    between += a.blocks().get(i).chars();
                }
                if (between <= Math.max(600, top.chars / 2)) {
                    ranges.add(0, new Range(heading.firstBlock, start, ai.depth, ai.chars));
                    return;
                }
                break;
            }
            ai = ai.parent;
        }
        if (TITLE_ALONE) {
            ranges.add(0, new Range(heading.firstBlock, Math.min(heading.endBlock, start), heading.depth, heading.chars));
        }
    }

    /** How many blocks before the content the headline is looked for. */
    static final int TITLE_LOOKBACK = 200;
    static final boolean TITLE_ALONE = true;

    /** Candidates holding the headline, or starting just after it, weigh this much more. */
    static final double TITLE_BOOST = 1.5;

    /** Index of the block holding the page's headline: a heading matching the title, else the first h1; or -1. */
    private static int titleBlock(BlockCollector.Analysis a, String title) {
        String wanted = title == null ? "" : normalize(title);
        int firstH1 = -1;
        List<Block> blocks = a.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.kind() != Block.Kind.HEADING) {
                continue;
            }
            if (!wanted.isEmpty()) {
                String t = normalize(b.text());
                if (t.equals(wanted) || (t.length() > 15 && wanted.contains(t)) || (wanted.length() > 15 && t.contains(wanted))) {
                    return i;
                }
            }
            if (b.level() == 1 && firstH1 < 0) {
                firstH1 = i;
            }
        }
        return firstH1;
    }

    private static NodeInfo findTitleHeading(BlockCollector.Analysis a, String title, int before) {
        String wanted = title == null ? null : normalize(title);
        NodeInfo firstH1 = null;
        List<Block> blocks = a.blocks();
        for (int i = before - 1; i >= 0 && i >= before - TITLE_LOOKBACK; i--) {
            Block b = blocks.get(i);
            if (b.kind() != Block.Kind.HEADING) {
                continue;
            }
            NodeInfo hi = b.owner();
            if (hi == null) {
                continue;
            }
            if (wanted != null && !wanted.isEmpty()) {
                String t = normalize(b.text());
                if (t.equals(wanted) || (t.length() > 15 && wanted.contains(t)) || (wanted.length() > 15 && t.contains(wanted))) {
                    return hi;
                }
            }
            if (b.level() == 1 && firstH1 == null) {
                firstH1 = hi;
            }
        }
        return firstH1;
    }

    private static String normalize(String s) {
        return LinkExtractor.collapse(s).toLowerCase(Locale.ROOT);
    }

    private static boolean paragraphLike(NodeInfo si) {
        String tag = si.element.normalName();
        return tag.equals("p") || si.blockDescendants == 0 || (tag.equals("div") && si.blockDescendants <= 2);
    }

    private static boolean endsSentence(BlockCollector.Analysis a, NodeInfo si) {
        if (si.endBlock <= si.firstBlock) {
            return false;
        }
        String t = a.blocks().get(si.endBlock - 1).text();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") || t.endsWith(".\"") || t.endsWith("。");
    }

    private static Range range(NodeInfo n) {
        return new Range(n.firstBlock, n.endBlock, n.depth, n.chars);
    }

    private static double scoreOf(NodeInfo n) {
        return Double.isNaN(n.score) ? 0 : n.score;
    }

    static double finalScore(NodeInfo n) {
        if (Double.isNaN(n.finalScore)) {
            n.finalScore = computeFinalScore(n);
        }
        return n.finalScore;
    }

    private static double computeFinalScore(NodeInfo n) {
        double base = switch (n.element.normalName()) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        double s = (scoreOf(n) + base) * (1 - n.linkDensity());
        s *= switch (n.classWeight) {
            case ClassHints.POSITIVE -> 1.25;
            case ClassHints.WEAK_NEGATIVE -> 0.8;
            case ClassHints.STRONG_NEGATIVE -> 0.3;
            default -> 1.0;
        };
        if (n.inChrome) {
            s *= 0.3;
        } else if (n.inStrongNegative && n.classWeight != ClassHints.STRONG_NEGATIVE) {
            s *= 0.3;
        }
        return s;
    }
}
