package org.quire.extract;

import org.jsoup.nodes.Element;

/**
 * What the extractor knows about one element, filled in by two passes over the document: text and link-text
 * sizes of its subtree (counted bottom-up once, never recomputed), its range of text blocks, its content score.
 */
final class NodeInfo {
    final Element element;
    /** The info of the parent element; null for the root of the analysis. */
    final NodeInfo parent;
    /** Position in document order among the analysed elements (the root is 0). */
    final int ordinal;
    /** Ordinal of the last element of the subtree (this one's when it has no element children). */
    int lastOrdinal;
    /** Non-whitespace characters of text in the subtree. */
    int chars;
    /** Non-whitespace characters of text inside links in the subtree. */
    int linkChars;
    /** Number of block-level descendant elements. */
    int blockDescendants;
    /** Whether the subtree holds an h1. */
    boolean hasH1;
    /** Depth below body. */
    int depth;
    /** Whether this element starts and ends text blocks. */
    boolean block;
    /** Class/id judgement, see {@link ClassHints}. */
    int classWeight;
    /** Whether this element is clearly chrome (by tag, role or a strong class word). */
    boolean strongNegative;
    /** Whether this element is possibly chrome (weak class word). */
    boolean weakNegative;
    /** Whether it or an ancestor is nav/aside/footer/dialog or has such a role. */
    boolean inChrome;
    /** Whether this element itself is nav/aside/footer/dialog (or has such a role). */
    boolean chromeTag;
    /** Whether it or an ancestor is clearly chrome. */
    boolean inStrongNegative;
    /** Blocks [firstBlock, endBlock) lie inside this element. */
    int firstBlock;
    int endBlock;
    /** Content score gathered from the paragraphs below it; NaN when never scored. */
    double score = Double.NaN;
    /** Score adjusted for tag, class and link density; NaN until computed. */
    double finalScore = Double.NaN;

    NodeInfo(Element element, NodeInfo parent, int ordinal) {
        this.element = element;
        this.parent = parent;
        this.ordinal = ordinal;
        this.lastOrdinal = ordinal;
    }

    double linkDensity() {
        return chars == 0 ? 0 : (double) linkChars / chars;
    }

    boolean contains(NodeInfo other) {
        return other != this && firstBlock <= other.firstBlock && other.endBlock <= endBlock && depth < other.depth;
    }
}
