import type { ObservedEdge } from '../lifecycle/tracker.js';
import type { StateGraph } from './model.js';

/** Preferred order of the machines in a report. */
const ORDER = ['transactionStatus', 'scaStatus', 'consentStatus', 'basketStatus'];

/**
 * Merge the transitions observed by every test into one graph per machine: counts added up, an
 * edge illegal when any test saw it judged illegal. Nodes in the order they were first seen.
 */
export function stateGraphsOf(edgeLists: readonly (readonly ObservedEdge[])[]): StateGraph[] {
  const graphs = new Map<string, { nodes: string[]; edges: Map<string, StateGraph['edges'][number]> }>();
  for (const list of edgeLists) {
    for (const e of list) {
      let g = graphs.get(e.machine);
      if (!g) graphs.set(e.machine, (g = { nodes: [], edges: new Map() }));
      for (const node of [e.from, e.to]) if (!g.nodes.includes(node)) g.nodes.push(node);
      const key = `${e.from}\u0000${e.to}`;
      const edge = g.edges.get(key) ?? { from: e.from, to: e.to, count: 0, illegal: false };
      edge.count += e.count;
      edge.illegal ||= e.illegal;
      g.edges.set(key, edge);
    }
  }
  const rank = (m: string) => (ORDER.includes(m) ? ORDER.indexOf(m) : ORDER.length);
  return [...graphs]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([machine, g]) => ({ machine, nodes: g.nodes, edges: [...g.edges.values()] }));
}
