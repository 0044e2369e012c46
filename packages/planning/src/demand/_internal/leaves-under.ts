import type { AreaNode, AreaTree } from '../area-tree.ts';

/** Whether `descendant` lies in the subtree of `ancestor` (itself included). */
export function isInSubtree(tree: AreaTree, descendant: number, ancestor: number): boolean {
  // A root's parent is -1.
  for (let at = descendant; at >= 0; at = (tree.nodes[at] as AreaNode).parent) {
    if (at === ancestor) return true;
  }
  return false;
}

/**
 * The leaves of the subtree of `area` (itself when it is one), in node order: walked down from it,
 * so that a campaign's areas each ask for theirs without reading the whole tree each time.
 */
export function leavesUnder(tree: AreaTree, area: number): AreaNode[] {
  const leaves: AreaNode[] = [];
  const stack = [area];
  for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
    const node = tree.nodes[at] as AreaNode;
    if (node.children.length === 0) leaves.push(node);
    else for (const child of node.children) stack.push(child);
  }
  return leaves.sort((a, b) => a.index - b.index);
}
