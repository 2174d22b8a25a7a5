package org.quire.extract;

import org.jsoup.nodes.Element;

/**
 * One block of text as a reader sees it: a paragraph, heading, list item, table row, caption or code block.
 *
 * @param kind        what sort of block
 * @param level       heading level 1-6 (0 otherwise)
 * @param text        the text, whitespace collapsed (code blocks keep theirs); line breaks from br kept
 * @param chars       non-whitespace characters
 * @param linkChars   non-whitespace characters inside links
 * @param quoteDepth  how many block quotes it is inside
 * @param listDepth   how many lists it is inside
 * @param cells       number of cells for a table row
 * @param group       the list or table it belongs to (for rendering), or null
 * @param owner       the innermost block-level element around it, or null
 * @param strong      the innermost clearly-chrome element around it, or null
 * @param weak        the innermost possibly-chrome element around it, or null
 */
record Block(Kind kind, int level, String text, int chars, int linkChars, int quoteDepth, int listDepth, int cells,
             Element group, NodeInfo owner, NodeInfo strong, NodeInfo weak) {

    enum Kind { TEXT, HEADING, LIST, ROW, CODE, CAPTION }

    double linkDensity() {
        return chars == 0 ? 0 : (double) linkChars / chars;
    }
}
