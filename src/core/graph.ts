// Pure graph arithmetic over the commit table: reachability, topological order and the
// first-parent tree that lets a per-path history walk skip every commit that cannot matter.

export interface Graph {
  parents: number[][];
  /** Position in a topological order: parents always come before their children. */
  topo: Int32Array;
  /** Depth in the first-parent tree (a root commit has depth 0). */
  depth: Int32Array;
  /** Euler-tour interval of each commit in the first-parent tree, for O(1) ancestor tests. */
  tin: Int32Array;
  tout: Int32Array;
}

/**
 * Visits the commits reachable from `from`, `from + 1`, ... `to - 1` (each start once it is not
 * visited yet) in post-order over their parents: each commit after all its ancestors, a merge's
 * last parent's line first. buildGraph's topological order is this order from commit 0, HEAD;
 * the order from another commit is the one a scan of that HEAD gave its commits.
 */
export function postOrder(
  parents: readonly (readonly number[])[],
  from: number,
  to: number,
  visit: (commit: number) => void,
): void {
  // Iterative (no recursion: histories are deep).
  const state = new Uint8Array(parents.length);
  const stack: number[] = [];
  for (let start = from; start < to; start++) {
    if (state[start]) continue;
    stack.push(start);
    while (stack.length > 0) {
      const c = stack[stack.length - 1] as number;
      if (state[c] === 0) {
        state[c] = 1;
        for (const p of parents[c] ?? []) if (state[p] === 0) stack.push(p);
      } else {
        stack.pop();
        if (state[c] === 1) {
          state[c] = 2;
          visit(c);
        }
      }
    }
  }
}

export function buildGraph(parents: number[][]): Graph {
  const n = parents.length;
  const topo = new Int32Array(n).fill(-1);
  const depth = new Int32Array(n);
  const tin = new Int32Array(n);
  const tout = new Int32Array(n);
  // The first-parent tree's children, all in one array (those of c are
  // kids[kidStart[c]..kidStart[c + 1]), in commit order): an array per commit would be 20,000
  // objects for a large history, made while the scan waits for nothing else.
  const kidStart = new Int32Array(n + 1);
  for (let c = 0; c < n; c++) {
    const first = parents[c]?.[0];
    if (first !== undefined) kidStart[first + 1] = (kidStart[first + 1] ?? 0) + 1;
  }
  for (let c = 0; c < n; c++) kidStart[c + 1] = (kidStart[c + 1] ?? 0) + (kidStart[c] ?? 0);
  const kids = new Int32Array(n);
  const nextKid = kidStart.slice(0, n);
  const roots: number[] = [];
  for (let c = 0; c < n; c++) {
    const first = parents[c]?.[0];
    if (first === undefined) {
      roots.push(c);
      continue;
    }
    const at = nextKid[first] ?? 0;
    kids[at] = c;
    nextKid[first] = at + 1;
  }
  let next = 0;
  postOrder(parents, 0, n, (c) => {
    topo[c] = next++;
  });
  // Euler tour of the first-parent tree, with the stack as two arrays: the commit, and the
  // position of its next child in `kids`.
  let clock = 0;
  const onStack = new Int32Array(n);
  const kidAt = new Int32Array(n);
  for (const root of roots) {
    let top = 0;
    onStack[0] = root;
    kidAt[0] = kidStart[root] ?? 0;
    depth[root] = 0;
    tin[root] = clock++;
    while (top >= 0) {
      const c = onStack[top] as number;
      const k = kidAt[top] as number;
      if (k < (kidStart[c + 1] ?? 0)) {
        kidAt[top] = k + 1;
        const kid = kids[k] as number;
        depth[kid] = (depth[c] ?? 0) + 1;
        tin[kid] = clock++;
        top++;
        onStack[top] = kid;
        kidAt[top] = kidStart[kid] ?? 0;
      } else {
        tout[c] = clock++;
        top--;
      }
    }
  }
  return { parents, topo, depth, tin, tout };
}

/** Is `a` on the first-parent chain that starts at `x` (x itself included)? */
export function onFirstParentChain(g: Graph, a: number, x: number): boolean {
  return (g.tin[a] ?? 0) <= (g.tin[x] ?? 0) && (g.tout[x] ?? 0) <= (g.tout[a] ?? 0);
}

/**
 * Every ancestor of `from` (itself included), as a test on commit numbers: git's UNINTERESTING
 * for the range from..HEAD. One bit per commit, so a scan can keep one per raw_commit.
 */
export function ancestorsOf(g: Graph, from: number): (commit: number) => boolean {
  const bits = new Uint32Array((g.parents.length + 31) >>> 5);
  const has = (c: number) => ((bits[c >>> 5] ?? 0) & (1 << (c & 31))) !== 0;
  const stack = [from];
  bits[from >>> 5] = (bits[from >>> 5] ?? 0) | (1 << (from & 31));
  while (stack.length > 0) {
    const c = stack.pop() as number;
    for (const p of g.parents[c] ?? []) {
      if (!has(p)) {
        bits[p >>> 5] = (bits[p >>> 5] ?? 0) | (1 << (p & 31));
        stack.push(p);
      }
    }
  }
  return has;
}

/**
 * The commits `earlier` reaches whose order among themselves differs between the topological
 * order a graph of `earlier`'s history gives (postOrder from it) and this graph's own: the
 * fewest whose removal leaves the rest in the same order in both, those off a longest common
 * subsequence of the two. A merge whose side branch starts below other merges can reorder them.
 */
export function reorderedSince(graph: Graph, earlier: number): number[] {
  const seq: number[] = [];
  postOrder(graph.parents, earlier, earlier + 1, (c) => {
    seq.push(c);
  });
  const topo = (i: number) => graph.topo[seq[i] as number] as number;
  // A longest run increasing in this graph's order, by patience sorting: tails[k] is the end of
  // the best run of length k + 1 found so far.
  const tails: number[] = [];
  const prev = new Int32Array(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (topo(tails[mid] as number) < topo(i)) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1] as number;
    tails[lo] = i;
  }
  const kept = new Uint8Array(seq.length);
  for (
    let i = tails.length > 0 ? (tails[tails.length - 1] as number) : -1;
    i !== -1;
    i = prev[i] as number
  ) {
    kept[i] = 1;
  }
  return seq.filter((_, i) => kept[i] === 0);
}
