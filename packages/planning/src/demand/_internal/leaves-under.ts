import type { AreaNode, AreaTree } from '../area-tree.ts';

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
