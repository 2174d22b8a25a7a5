package org.quire.extract;

import java.util.List;

/**
 * Writes blocks as plain text (one block per line, a blank line between blocks except inside one list or table) and
 * as Markdown (# headings, - list items, > quotes, fenced code, | table rows |).
 */
final class TextRenderer {

    private TextRenderer() {
    }

    static String plain(List<Block> blocks) {
        int length = 0;
        for (Block b : blocks) {
            length += b.text().length() + 2;
        }
        StringBuilder sb = new StringBuilder(length); // sized once: no doubling and copying as it fills
        Block prev = null;
        for (Block b : blocks) {
            if (prev != null) {
                sb.append(sameGroup(prev, b) ? "\n" : "\n\n");
            }
            sb.append(b.text());
            prev = b;
        }
        return sb.toString();
    }

    static String markdown(List<Block> blocks) {
        StringBuilder sb = new StringBuilder();
        Block prev = null;
        for (Block b : blocks) {
            boolean same = prev != null && sameGroup(prev, b);
            if (prev != null) {
                sb.append(same ? "\n" : "\n\n");
            }
            StringBuilder line = new StringBuilder();
            switch (b.kind()) {
                case HEADING -> line.append("#".repeat(Math.max(1, b.level()))).append(' ')
                        .append(b.text().replace('\n', ' '));
                case LIST -> line.append("  ".repeat(Math.max(0, b.listDepth() - 1))).append("- ")
                        .append(b.text().replace("\n", "\n  "));
                case CODE -> line.append("```\n").append(b.text()).append("\n```");
                case ROW -> {
                    line.append("| ").append(b.text().replace('\n', ' ')).append(" |");
                    if (!same) {
                        line.append('\n').append("|").append(" --- |".repeat(b.cells()));
                    }
                }
                default -> line.append(b.text());
            }
            String md = line.toString();
            if (b.quoteDepth() > 0) {
                String prefix = "> ".repeat(b.quoteDepth());
                md = prefix + md.replace("\n", "\n" + prefix);
            }
            sb.append(md);
            prev = b;
        }
        return sb.toString();
    }

    private static boolean sameGroup(Block a, Block b) {
        return a.group() != null && a.group() == b.group() && a.kind() == b.kind();
    }
}
