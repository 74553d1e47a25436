import type { StateGraph } from '../model.js';
import { html, raw, type Html } from './escape.js';

const NODE_H = 30;
const ROW_GAP = 22;
const COL_GAP = 86;
const PAD = 28;
const CHAR_W = 7.4;

interface Placed {
  name: string;
  rank: number;
  x: number;
  y: number;
  w: number;
}

/** Rank of each state: longest path from the states nothing leads to, ignoring edges that close a cycle. */
function ranks(nodes: string[], edges: StateGraph['edges']): Map<string, number> {
  const out = new Map<string, string[]>();
  for (const n of nodes) out.set(n, []);
  for (const e of edges) if (e.from !== e.to) out.get(e.from)!.push(e.to);
  const back = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (n: string): void => {
    state.set(n, 'open');
    for (const m of out.get(n)!) {
      if (state.get(m) === 'open') back.add(`${n}\u0000${m}`);
      else if (!state.has(m)) visit(m);
    }
    state.set(n, 'done');
  };
  for (const n of nodes) if (!state.has(n)) visit(n);
  const rank = new Map(nodes.map((n) => [n, 0]));
  // Longest path over the acyclic rest: relax |nodes| times (graphs here have a handful of states).
  for (let i = 0; i < nodes.length; i++) {
    for (const e of edges) {
      if (e.from === e.to || back.has(`${e.from}\u0000${e.to}`)) continue;
      if (rank.get(e.to)! < rank.get(e.from)! + 1) rank.set(e.to, rank.get(e.from)! + 1);
    }
  }
  return rank;
}

function layout(graph: StateGraph, top: number): { placed: Map<string, Placed>; width: number; bottom: number } {
  const nodes = [...new Set([...graph.nodes, ...graph.edges.flatMap((e) => [e.from, e.to])])];
  const rank = ranks(nodes, graph.edges);
  const columns: string[][] = [];
  for (const n of nodes) (columns[rank.get(n)!] ??= []).push(n);
  const widthOf = (n: string) => Math.max(64, Math.ceil(n.length * CHAR_W) + 26);
  const placed = new Map<string, Placed>();
  let x = PAD;
  let maxRows = 0;
  for (const [r, column] of columns.entries()) {
    if (!column) continue;
    const colW = Math.max(...column.map(widthOf));
    column.forEach((n, i) => placed.set(n, { name: n, rank: r, x: x + (colW - widthOf(n)) / 2, y: top + i * (NODE_H + ROW_GAP), w: widthOf(n) }));
    maxRows = Math.max(maxRows, column.length);
    x += colW + COL_GAP;
  }
  return { placed, width: x - COL_GAP + PAD, bottom: top + maxRows * (NODE_H + ROW_GAP) - ROW_GAP };
}

const LANE = 18;

/** A lane outside the states (above or below every state) from the top/bottom of a to that of b. */
function lanePath(a: Placed, b: Placed, lane: number, side: 'above' | 'below'): { d: string; lx: number; ly: number } {
  const x1 = a.x + a.w / 2 + 8;
  const x2 = b.x + b.w / 2 - 8;
  const [y1, y2] = side === 'below' ? [a.y + NODE_H, b.y + NODE_H] : [a.y, b.y];
  const r = 10;
  const dir = x2 < x1 ? -1 : 1;
  const v = side === 'below' ? -r : r;
  const d = `M ${x1} ${y1} L ${x1} ${lane + v} Q ${x1} ${lane}, ${x1 + dir * r} ${lane} L ${x2 - dir * r} ${lane} Q ${x2} ${lane}, ${x2} ${lane + v} L ${x2} ${y2}`;
  return { d, lx: (x1 + x2) / 2, ly: side === 'below' ? lane - 5 : lane - 5 };
}

/**
 * The path of a transition: to the next column a curve; across several columns a lane above
 * every state (so it never runs through one); backwards a lane under every state.
 */
function edgePath(a: Placed, b: Placed, lane: number): { d: string; lx: number; ly: number } {
  if (a === b) {
    const cx = a.x + a.w / 2;
    return { d: `M ${cx - 10} ${a.y} C ${cx - 26} ${a.y - 34}, ${cx + 26} ${a.y - 34}, ${cx + 10} ${a.y}`, lx: cx, ly: a.y - 30 };
  }
  if (b.rank > a.rank + 1) return lanePath(a, b, lane, 'above');
  if (b.rank > a.rank) {
    const x1 = a.x + a.w;
    const y1 = a.y + NODE_H / 2;
    const x2 = b.x;
    const y2 = b.y + NODE_H / 2;
    const dx = (x2 - x1) / 2;
    return { d: `M ${x1} ${y1} C ${x1 + dx} ${y1}, ${x2 - dx} ${y2}, ${x2} ${y2}`, lx: (x1 + x2) / 2, ly: (y1 + y2) / 2 - 6 };
  }
  return lanePath(a, b, lane, 'below');
}

/** One observed state machine as an inline SVG picture: states as boxes, transitions as arrows with counts, illegal ones in red. */
export function renderStateGraph(graph: StateGraph, index: number): Html {
  const skipping = (ranks: Map<string, number>) => graph.edges.filter((e) => ranks.get(e.to)! > ranks.get(e.from)! + 1).length;
  const allNodes = [...new Set([...graph.nodes, ...graph.edges.flatMap((e) => [e.from, e.to])])];
  const above = skipping(ranks(allNodes, graph.edges));
  const { placed, width, bottom } = layout(graph, PAD + 14 + LANE * above);
  const id = `sg${index}`;
  let backwards = 0;
  let over = 0;
  const edges = graph.edges.map((e) => {
    const a = placed.get(e.from)!;
    const b = placed.get(e.to)!;
    const lane = b.rank > a.rank + 1 ? PAD + 6 + LANE * over++ : a !== b && b.rank <= a.rank ? bottom + 26 + LANE * backwards++ : 0;
    const { d, lx, ly } = edgePath(a, b, lane);
    const cls = e.illegal ? 'sg-edge sg-illegal' : 'sg-edge';
    return html`<g class="${cls}"><title>${e.from} → ${e.to}: ${e.count}×${e.illegal ? ' (illegal)' : ''}</title><path d="${d}" marker-end="url(#${id}-${e.illegal ? 'bad' : 'ok'})"/><text x="${lx.toFixed(1)}" y="${ly.toFixed(1)}" text-anchor="middle" class="sg-count">${e.illegal ? '✗ ' : ''}${e.count}×</text></g>`;
  });
  const nodes = [...placed.values()].map(
    (n) => html`<g class="sg-node"><rect x="${n.x.toFixed(1)}" y="${n.y}" width="${n.w}" height="${NODE_H}" rx="6"/><text x="${(n.x + n.w / 2).toFixed(1)}" y="${n.y + NODE_H / 2 + 4.5}" text-anchor="middle">${n.name}</text></g>`,
  );
  const height = (backwards ? bottom + 26 + LANE * (backwards - 1) + 8 : bottom) + PAD;
  const marker = (name: string) =>
    raw(`<marker id="${id}-${name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse" class="sg-marker-${name}"><path d="M 0 0 L 10 5 L 0 10 z"/></marker>`);
  const illegal = graph.edges.filter((e) => e.illegal).length;
  return html`<figure class="state-graph">
  <figcaption><code>${graph.machine}</code> <span class="muted">${graph.nodes.length} states, ${graph.edges.length} transitions observed</span>${illegal ? html` <span class="tag bad">${illegal} illegal</span>` : ''}</figcaption>
  <svg role="img" aria-label="${graph.machine} transitions" width="${Math.ceil(width)}" height="${Math.ceil(height)}" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}">
    <defs>${marker('ok')}${marker('bad')}</defs>
    ${edges}
    ${nodes}
  </svg>
</figure>`;
}

export function renderStateGraphs(graphs: StateGraph[] | undefined): Html {
  if (!graphs?.length) return html``;
  return html`<section id="state-graphs">
  <h2>Observed state transitions</h2>
  ${graphs.map((g, i) => renderStateGraph(g, i))}
</section>`;
}
