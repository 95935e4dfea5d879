// The side panels of the viewer: what changed, the selected object (its refcount explained,
// why it is alive, its allocation), the collector, memory over time and the allocator grid.

import type { Trace } from "../../../src/trace/log.js";
import { FREE_GC, FREE_REASON_TEXT, OBJ_BORN, gcStateText, stepCount } from "../../../src/trace/log.js";
import type { HeapState, TraceIndex } from "../../../src/trace/rebuild.js";
import type { Analysis, Change } from "../../../src/trace/analysis.js";
import { birthStep, explainRefcount, label, objectName, typeName, whyAlive } from "../../../src/trace/analysis.js";
import { bytes, clear, h, hex, s } from "./dom.js";

export interface PanelContext {
  trace: Trace;
  index: TraceIndex;
  state: HeapState;
  analysis: Analysis;
  step: number;
  selected: number;
  goTo(step: number): void;
  select(id: number): void;
  frameLinesAt(step: number): { name: string; line: number }[];
}

function stepLink(ctx: PanelContext, step: number, text?: string): HTMLElement {
  if (step < 0) return h("span", { className: "muted" }, "unknown");
  const line = ctx.trace.steps.line[step] ?? 0;
  return h("a", { href: "#", className: "step-link", onclick: (e: Event) => { e.preventDefault(); ctx.goTo(step); } }, text ?? `step ${step}${line > 0 ? ` (line ${line})` : ""}`);
}

function objectLink(ctx: PanelContext, id: number): HTMLElement {
  return h("a", { href: "#", className: "object-link", onclick: (e: Event) => { e.preventDefault(); ctx.select(id); } }, objectName(ctx.trace, id));
}

export function renderChanges(el: HTMLElement, ctx: PanelContext, changes: Change[]): void {
  clear(el);
  const { trace, step } = ctx;
  const line = trace.steps.line[step] ?? 0;
  const head = step === 0 ? "Start: the program has not run a line yet." : line > 0 ? `Step ${step} ran line ${line}.` : "The interpreter shuts down: exit handlers, a final collection, modules cleared.";
  el.append(h("p", { className: "step-head" }, head));
  const from = step === 0 ? 0 : ctx.index.outputEnd[step - 1] ?? 0;
  const to = ctx.index.outputEnd[step] ?? from;
  if (to > from) el.append(h("p", { className: "change output" }, "printed ", h("code", {}, ctx.index.output.slice(from, to).replace(/\n$/, ""))));
  if (changes.length === 0) el.append(h("p", { className: "muted" }, "No change to the heap."));
  const list = h("ul", { className: "changes" });
  for (const c of changes.slice(0, 60)) {
    const item = h("li", { className: `change ${c.kind}` }, c.text);
    if (c.objects.length > 0) item.addEventListener("click", () => ctx.select(c.objects[0]!));
    list.append(item);
  }
  if (changes.length > 60) list.append(h("li", { className: "muted" }, `… ${changes.length - 60} more`));
  el.append(list);
}

export function renderObject(el: HTMLElement, ctx: PanelContext): void {
  clear(el);
  const { trace, state, analysis } = ctx;
  const id = ctx.selected;
  if (id === 0) {
    el.append(h("p", { className: "muted" }, "Click an object (or a value) to see who holds it and why it is alive."));
    return;
  }
  const o = state.objects.get(id);
  const death = ctx.index.deaths.get(id);
  el.append(h("h3", {}, objectName(trace, id), " ", h("span", { className: "muted" }, label(trace, o?.repr ?? trace.objects.repr[id - 1] ?? 0))));
  const born = birthStep(trace, id);
  const flags = trace.objects.flags[id - 1] ?? 0;
  const facts = h("dl", { className: "facts" });
  const fact = (k: string, v: Node | string): void => {
    facts.append(h("dt", {}, k), h("dd", {}, v));
  };
  fact("id()", hex(trace.objects.address[id - 1] ?? 0));
  fact("size", `${trace.objects.size[id - 1] ?? 0} bytes`);
  fact("created", (flags & OBJ_BORN) !== 0 ? stepLink(ctx, born) : "before the program started");
  if (o === undefined) {
    fact("freed", death === undefined ? "yes" : h("span", {}, stepLink(ctx, death.step), ` — ${FREE_REASON_TEXT[death.reason] ?? "freed"}${death.reason === FREE_GC ? ` (generation ${death.generation})` : ""}`));
    el.append(facts);
    return;
  }
  fact("refcount", String(o.refcnt));
  fact("GC", o.gc >= 0 ? gcStateText(o.gc) + (o.finalized ? ", finalized" : "") : "—");
  if (death !== undefined && death.step > ctx.step) fact("will be freed", h("span", {}, stepLink(ctx, death.step), ` — ${FREE_REASON_TEXT[death.reason] ?? ""}`));
  el.append(facts);

  el.append(h("h4", {}, "The refcount explained"));
  const holders = explainRefcount(trace, state, id);
  const list = h("ul", { className: "holders" });
  for (const holder of holders) {
    const item = h("li", {}, holder.kind === "object" ? h("span", {}, objectLink(ctx, holder.holder), " ", holder.text.replace(objectName(trace, holder.holder), "").trim()) : holder.text);
    if (holder.since >= 0) item.append(" — since ", stepLink(ctx, holder.since));
    list.append(item);
  }
  el.append(list);

  el.append(h("h4", {}, "Why is this alive?"));
  const why = whyAlive(trace, state, analysis, id);
  const whyEl = h("div", { className: "why" });
  if (why.root === "garbage") {
    whyEl.append(h("p", { className: "garbage-note" }, why.rootText));
  } else {
    whyEl.append(h("p", {}, "Root: ", why.rootText));
    const chain = h("ol", { className: "chain" });
    why.path.forEach((step, i) => {
      const item = h("li", {}, objectLink(ctx, step));
      if (i > 0) item.prepend(h("span", { className: "muted" }, `via ${why.links[i - 1]} → `));
      chain.append(item);
    });
    whyEl.append(chain);
    if (why.breaker !== null) whyEl.append(h("p", { className: "breaker" }, "Would free it: ", why.breaker));
  }
  el.append(whyEl);

  el.append(h("h4", {}, "Its allocation"));
  const address = trace.objects.address[id - 1] ?? 0;
  const pool = Math.floor(address / 16384) * 16384;
  const alloc = h("div", { className: "alloc" });
  alloc.append(h("p", {}, `Block in the pool at ${hex(pool)} (size class ${Math.ceil((trace.objects.size[id - 1] ?? 16) / 16) * 16} bytes); highlighted in the allocator view.`));
  if ((flags & OBJ_BORN) !== 0 && born > 0) {
    const frames = ctx.frameLinesAt(born);
    const tb = h("pre", { className: "traceback" });
    tb.textContent = "Allocated at:\n" + frames.map((f) => `  ${f.name}, line ${f.line}`).join("\n");
    alloc.append(tb);
  }
  el.append(alloc);
}

export function renderGC(el: HTMLElement, ctx: PanelContext): void {
  clear(el);
  const { state, index } = ctx;
  const table = h("table", { className: "gc-table" });
  table.append(h("tr", {}, h("th", {}, "generation"), h("th", {}, "count"), h("th", {}, "threshold"), h("th", {}, "")));
  for (let g = 0; g < 3; g++) {
    const count = state.gcCounts[g] ?? 0;
    const threshold = state.gcConfig[g] ?? 1;
    const bar = h("div", { className: "bar" }, h("div", { className: "fill", style: `width:${Math.min(100, (100 * count) / Math.max(1, threshold))}%` }));
    table.append(h("tr", {}, h("td", {}, String(g)), h("td", {}, String(count)), h("td", {}, String(threshold)), h("td", {}, bar)));
  }
  el.append(table);
  el.append(h("p", { className: "muted" }, state.gcConfig[3] === 1 ? "Automatic collection is enabled." : "Automatic collection is disabled (gc.disable())."));
  if (state.collecting >= 0) el.append(h("p", { className: "gc-running" }, `A generation-${state.collecting} collection is running in this step (finalizers called by the collector).`));
  const done = index.collections.filter((c) => c.step <= ctx.step);
  el.append(h("h4", {}, `Collections so far: ${done.length}`));
  const list = h("ul", { className: "collections" });
  for (const c of done.slice(-12).reverse()) {
    list.append(h("li", {}, stepLink(ctx, c.step), ` gen ${c.generation} ${c.automatic ? "(automatic)" : "(explicit)"}: ${c.collected} collected, ${c.uncollectable} uncollectable, ${c.freed.length} object(s) freed`));
  }
  el.append(list);
}

/** Memory over time: traced bytes and blocks in use per step, collections marked. */
export function renderMemory(el: HTMLElement, ctx: PanelContext): void {
  clear(el);
  const { trace, index } = ctx;
  const n = stepCount(trace);
  const W = 360;
  const H = 120;
  const svg = s("svg", { class: "memory-plot", width: W, height: H + 18, viewBox: `0 0 ${W} ${H + 18}`, xmlns: "http://www.w3.org/2000/svg" });
  if (n === 0) {
    el.append(svg);
    return;
  }
  const buckets = Math.min(n, W);
  const per = n / buckets;
  const traced: number[] = [];
  const blocks: number[] = [];
  for (let b = 0; b < buckets; b++) {
    let t = 0;
    let k = 0;
    for (let i = Math.floor(b * per); i < Math.floor((b + 1) * per) && i < n; i++) {
      t = Math.max(t, trace.steps.traced[i] ?? 0);
      k = Math.max(k, trace.steps.blocks[i] ?? 0);
    }
    traced.push(t);
    blocks.push(k);
  }
  const maxT = Math.max(1, ...traced);
  const minK = Math.min(...blocks);
  const maxK = Math.max(minK + 1, ...blocks);
  const x = (b: number): number => (buckets === 1 ? 0 : (b / (buckets - 1)) * (W - 2) + 1);
  const line = (values: number[], lo: number, hi: number): string => values.map((v, b) => `${x(b).toFixed(1)},${(H - 4 - ((v - lo) / (hi - lo)) * (H - 12)).toFixed(1)}`).join(" ");
  svg.append(s("rect", { x: 0, y: 0, width: W, height: H, class: "plot-bg" }));
  for (const step of index.collectionSteps) {
    const cx = (step / Math.max(1, n - 1)) * (W - 2) + 1;
    svg.append(s("line", { x1: cx, x2: cx, y1: 0, y2: H, class: "gc-mark" }));
  }
  svg.append(s("polyline", { points: line(blocks, minK, maxK), class: "blocks-line" }));
  svg.append(s("polyline", { points: line(traced, 0, maxT), class: "traced-line" }));
  const cx = (ctx.step / Math.max(1, n - 1)) * (W - 2) + 1;
  svg.append(s("line", { x1: cx, x2: cx, y1: 0, y2: H, class: "cursor" }));
  svg.append(s("text", { x: 4, y: H + 14, class: "legend traced" }, `traced ${bytes(trace.steps.traced[ctx.step] ?? 0)} (max ${bytes(maxT)})`));
  svg.append(s("text", { x: W - 4, y: H + 14, class: "legend blocks", "text-anchor": "end" }, `blocks ${trace.steps.blocks[ctx.step] ?? 0}`));
  svg.addEventListener("click", (e) => {
    const r = svg.getBoundingClientRect();
    ctx.goTo(Math.round(((e.clientX - r.left) / r.width) * (n - 1)));
  });
  el.append(svg, h("p", { className: "muted small" }, "Blue: bytes allocated since the start and still live (what tracemalloc traces). Grey: sys.getallocatedblocks(). Red lines: collections."));
}

const POOL_SIZE = 16384;
const POOL_OVERHEAD = 48;

/** Arenas as rows of pools, each pool coloured by size class and filled by its occupancy. */
export function renderAllocator(el: HTMLElement, ctx: PanelContext): void {
  clear(el);
  const { trace, state } = ctx;
  const selectedAddress = ctx.selected !== 0 ? trace.objects.address[ctx.selected - 1] ?? 0 : 0;
  const selectedPool = Math.floor(selectedAddress / POOL_SIZE) * POOL_SIZE;
  const cell = 9;
  const wrap = h("div", { className: "arenas" });
  let totalUsed = 0;
  for (const a of state.arenas) {
    const base = trace.arenas.base[a] ?? 0;
    const firstPool = trace.arenas.firstPool[a] ?? base;
    const totalPools = trace.arenas.totalPools[a] ?? 64;
    const svg = s("svg", { width: totalPools * (cell + 1) + 2, height: cell + 2, class: "arena" });
    for (let i = 0; i < totalPools; i++) {
      const address = firstPool + i * POOL_SIZE;
      svg.append(s("rect", { x: 1 + i * (cell + 1), y: 1, width: cell, height: cell, class: "pool-empty" }));
      void address;
    }
    wrap.append(h("div", { className: "arena-row" }, h("span", { className: "arena-label" }, hex(base)), svg));
    (svg as SVGSVGElement & { firstPool?: number }).dataset.first = String(firstPool);
  }
  // Pools: find each pool's arena row by address.
  const rows = [...wrap.querySelectorAll("svg.arena")] as SVGSVGElement[];
  for (let p = 0; p < trace.pools.address.length; p++) {
    const used = state.poolUsed[p];
    if (used === undefined) continue;
    const address = trace.pools.address[p]!;
    const cls = state.poolClass[p] ?? -1;
    for (const svg of rows) {
      const first = Number(svg.dataset.first);
      const i = (address - first) / POOL_SIZE;
      if (i < 0 || i >= 64 || !Number.isInteger(i)) continue;
      const blockSize = (cls + 1) * 16;
      const total = cls < 0 ? 1 : Math.floor((POOL_SIZE - POOL_OVERHEAD) / blockSize);
      totalUsed += used;
      const fill = used === 0 ? 0 : Math.max(0.15, used / total);
      const hue = cls < 0 ? 0 : (cls * 37) % 360;
      const rect = s("rect", {
        x: 1 + i * (cell + 1), y: 1, width: cell, height: cell,
        class: "pool" + (address === selectedPool ? " selected" : ""),
        style: used === 0 ? "fill:#f1f1f1" : `fill:hsl(${hue} 65% ${Math.round(85 - fill * 45)}%)`,
      });
      rect.append(s("title", {}, `pool ${hex(address)}: ${cls < 0 ? "unused" : `${blockSize}-byte blocks`}, ${used}/${total} in use`));
      svg.append(rect);
    }
  }
  el.append(h("p", { className: "muted small" }, `${state.arenas.length} arena(s) of 1 MiB, 16 KiB pools; colour = size class, darker = fuller. ${totalUsed} pymalloc blocks in use.`), wrap);
  if (ctx.selected !== 0 && selectedAddress !== 0) el.append(h("p", { className: "small" }, `${objectName(trace, ctx.selected)} (${typeName(trace, ctx.selected)}) lives in the outlined pool.`));
}
