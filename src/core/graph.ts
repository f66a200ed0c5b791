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
  // Topological order by iterative post-order over parents (no recursion: histories are deep).
  let next = 0;
  const state = new Uint8Array(n);
  const stack: number[] = [];
  for (let start = 0; start < n; start++) {
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
          topo[c] = next++;
        }
      }
    }
  }
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
