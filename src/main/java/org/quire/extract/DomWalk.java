package org.quire.extract;

import org.jsoup.nodes.Node;

/**
 * A depth-first walk over a jsoup tree with its own explicit stack (no recursion: arbitrarily deep documents are
 * fine) that steps through children by index, avoiding jsoup's sibling-index lookups. The visitor may skip a node's
 * children or remove the node in {@link Visitor#head}, or remove the node (never an ancestor or sibling) in
 * {@link Visitor#tail}, once its subtree has been visited.
 */
final class DomWalk {

    /** Go into the node's children. */
    static final int CONTINUE = 0;
    /** Do not visit the node's children ({@link Visitor#tail} is still called). */
    static final int SKIP_CHILDREN = 1;
    /** Remove the node from the tree (no tail call, children not visited). */
    static final int REMOVE = 2;

    /** Called on entering and leaving every node. */
    interface Visitor {
        /** @return {@link #CONTINUE}, {@link #SKIP_CHILDREN} or {@link #REMOVE} */
        int head(Node node, int depth);

        void tail(Node node, int depth);
    }

    private DomWalk() {
    }

    /** Walks {@code root} and its descendants in document order; the root itself cannot be removed. */
    static void walk(Node root, Visitor v) {
        int r = v.head(root, 0);
        if (r == REMOVE) {
            return;
        }
        if (r == SKIP_CHILDREN || root.childNodeSize() == 0) {
            v.tail(root, 0);
            return;
        }
        Node[] nodes = new Node[32];
        int[] next = new int[32];
        nodes[0] = root;
        int sp = 1;
        while (sp > 0) {
            Node parent = nodes[sp - 1];
            int i = next[sp - 1];
            if (i >= parent.childNodeSize()) {
                sp--;
                v.tail(parent, sp);
                if (sp > 0 && parent.parentNode() == null) {
                    next[sp - 1]--; // removed in tail: its next sibling moved into its index
                }
                continue;
            }
            Node child = parent.childNode(i);
            int res = v.head(child, sp);
            if (res == REMOVE) {
                child.remove(); // the next child moves into index i
                continue;
            }
            next[sp - 1] = i + 1;
            if (res == CONTINUE && child.childNodeSize() > 0) {
                if (sp == nodes.length) {
                    nodes = java.util.Arrays.copyOf(nodes, sp * 2);
                    next = java.util.Arrays.copyOf(next, sp * 2);
                }
                nodes[sp] = child;
                next[sp] = 0;
                sp++;
            } else {
                v.tail(child, sp);
                if (child.parentNode() == null) {
                    next[sp - 1] = i; // removed in tail
                }
            }
        }
    }
}
