import type { AreaNode, AreaTree } from '../area-tree.ts';

/** Whether `descendant` lies in the subtree of `ancestor` (itself included). */
export function isInSubtree(tree: AreaTree, descendant: number, ancestor: number): boolean {
  // A root's parent is -1.
  for (let at = descendant; at >= 0; at = (tree.nodes[at] as AreaNode).parent) {
    if (at === ancestor) return true;
  }
  return false;
}
