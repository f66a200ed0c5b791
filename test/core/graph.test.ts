// The topological order commit lists are sorted by, and which older commits a newer HEAD puts in
// another order (what a report brought up to date past a merge must list again).
import { describe, expect, it } from "vitest";
import { buildGraph, postOrder, reorderedSince } from "../../src/core/graph.js";

/** Parents by commit number, HEAD first as git's log numbers them. */
function graphOf(parents: Record<string, string[]>) {
  const names = Object.keys(parents);
  const at = new Map(names.map((n, i) => [n, i]));
  const graph = buildGraph(names.map((n) => (parents[n] ?? []).map((p) => at.get(p) as number)));
  const named = (cs: readonly number[]) => cs.map((c) => names[c]);
  return { graph, at: (n: string) => at.get(n) as number, named };
}

describe("the topological order", () => {
  // R0 <- B1 <- K (merge of A1) <- J; S1 from B1 merged as M (first parent J).
  const { graph, at, named } = graphOf({
    M: ["J", "S1"],
    S1: ["B1"],
    J: ["K"],
    K: ["B1", "A1"],
    A1: ["R0"],
    B1: ["R0"],
    R0: [],
  });

  it("puts parents before children, a merge's last parent's line first", () => {
    const order: number[] = [];
    postOrder(graph.parents, at("J"), at("J") + 1, (c) => order.push(c));
    expect(named(order)).toEqual(["R0", "A1", "B1", "K", "J"]);
    const all = [...graph.topo.keys()].sort((a, b) => (graph.topo[a] ?? 0) - (graph.topo[b] ?? 0));
    expect(named(all)).toEqual(["R0", "B1", "S1", "A1", "K", "J", "M"]);
  });

  it("names the older commits a newer HEAD orders otherwise, and none along one line", () => {
    expect(named(reorderedSince(graph, at("J")))).toEqual(["A1"]);
    const line = graphOf({ H: ["J"], J: ["K"], K: ["B1", "A1"], A1: ["R0"], B1: ["R0"], R0: [] });
    expect(reorderedSince(line.graph, line.at("J"))).toEqual([]);
  });
});
