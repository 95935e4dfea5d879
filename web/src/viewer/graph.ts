// The frames and the heap graph of one step, drawn as SVG: frames with their variables on
// the left, objects in columns by their distance from the frames, references as arrows (weak
// ones dashed, those inside a cycle coloured), unreachable objects in a band of their own,
// and the objects freed by the step fading out at the bottom with the reason.

import type { Trace } from "../../../src/trace/log.js";
import {
  FREE_GC, FREE_REASON_TEXT, KIND_CELL, KIND_DICT, KIND_INSTANCE, KIND_LIST, KIND_METHOD, KIND_SET, KIND_TUPLE, KIND_WEAKREF,
  LABEL_CLASS, LABEL_DICT_KEY, OBJ_HAS_FINALIZER, OBJ_OPAQUE, gcStateText,
} from "../../../src/trace/log.js";
import type { HeapState, ObjState } from "../../../src/trace/rebuild.js";
import type { Analysis, VisibleHeap, VisibleOptions } from "../../../src/trace/analysis.js";
import { followEdge, frameName, kindOfId, label, objectName, typeName, weakrefsCleared } from "../../../src/trace/analysis.js";
import type { Death } from "../../../src/trace/rebuild.js";
import { s } from "./dom.js";

const FRAME_W = 230;
const BOX_W = 210;
const ROW_H = 18;
const HEAD_H = 38;
const COL_GAP = 80;
const BOX_GAP = 16;
const MARGIN = 12;

export interface GraphInput {
  trace: Trace;
  state: HeapState;
  previous: HeapState | null;
  analysis: Analysis;
  visible: VisibleHeap;
  options: VisibleOptions;
  selected: number;
  changed: Set<number>;
  deaths: Map<number, Death>;
}

interface Row {
  label: string;
  /** Inline text (a scalar) or null when the row points at a box. */
  text: string | null;
  target: number;
  weak: boolean;
}

interface Box {
  id: number;
  x: number;
  y: number;
  w: number;
  h: number;
  rows: Row[];
  freed: boolean;
}

function inlineText(input: GraphInput, id: number): string {
  const o = input.state.objects.get(id) ?? input.previous?.objects.get(id);
  const repr = o === undefined ? "?" : label(input.trace, o.repr);
  return repr.length > 22 ? repr.slice(0, 21) + "…" : repr;
}

/** The rows a box shows: its items, attributes or entries. */
function rowsOf(input: GraphInput, o: ObjState): Row[] {
  const { trace, visible, options } = input;
  const kind = kindOfId(trace, o.id);
  const rows: Row[] = [];
  const shown = (target: number): boolean => visible.depth.has(target);
  let count = 0;
  for (let k = 0; k < o.edges.length; k++) {
    const target = o.edges[k]!;
    const text = label(trace, o.labels[k]!);
    if (!followEdge(trace, o.id, o.labels[k]!, options)) continue;
    if (text === LABEL_CLASS) continue;
    if (count >= options.itemsShown) break;
    if (kind === KIND_DICT && text === LABEL_DICT_KEY) {
      // A key: shown on its value's row.
      continue;
    }
    let rowLabel = text;
    if (kind === KIND_DICT && k > 0 && label(trace, o.labels[k - 1]!) === LABEL_DICT_KEY) {
      const key = o.edges[k - 1]!;
      rowLabel = visible.inline.has(key) || !shown(key) ? inlineText(input, key) : `#${key}`;
    }
    if (kind === KIND_SET) rowLabel = "•";
    if (kind === KIND_INSTANCE || kind === KIND_CELL || kind === KIND_METHOD || kind === KIND_WEAKREF) rowLabel = text;
    rows.push({ label: rowLabel, text: shown(target) ? null : inlineText(input, target), target, weak: false });
    count++;
  }
  if (o.weak !== 0) rows.push({ label: "referent", text: shown(o.weak) ? null : inlineText(input, o.weak), target: o.weak, weak: true });
  else if (kind === KIND_WEAKREF) rows.push({ label: "referent", text: "dead (None)", target: 0, weak: true });
  const hidden = input.visible.collapsed.get(o.id) ?? 0;
  if (hidden > 0) rows.push({ label: "…", text: `${hidden} more`, target: 0, weak: false });
  return rows;
}

function boxHeight(rows: Row[]): number {
  return HEAD_H + Math.max(rows.length, 0) * ROW_H + (rows.length > 0 ? 6 : 0);
}

export interface GraphLayout {
  width: number;
  height: number;
  svg: SVGSVGElement;
}

/** Lays out and draws one step. */
export function drawGraph(input: GraphInput, onSelect: (id: number) => void): GraphLayout {
  const { trace, state, analysis, visible } = input;
  const boxes = new Map<number, Box>();
  const svg = s("svg", { class: "heap-graph", xmlns: "http://www.w3.org/2000/svg" });
  const backLayer = s("g", { class: "bands" });
  const edgesLayer = s("g", { class: "edges" });
  const nodesLayer = s("g", { class: "nodes" });

  // Frames, top of the stack last (drawn downwards).
  let y = MARGIN + 20;
  const framePorts: { x: number; y: number; target: number; name: string }[] = [];
  const framesGroup = s("g", { class: "frames" });
  framesGroup.append(s("text", { x: MARGIN, y: MARGIN + 6, class: "band-title" }, "Frames"));
  for (const fid of state.stack) {
    const f = state.frames.get(fid);
    if (f === undefined) continue;
    const vars = [...f.vars.entries()];
    const rows = vars.length + (f.temps.length > 0 ? f.temps.length : 0);
    const h = 26 + Math.max(rows, 1) * ROW_H + 6;
    const g = s("g", { class: "frame" + (fid === state.stack[state.stack.length - 1] ? " top" : "") });
    g.append(s("rect", { x: MARGIN, y, width: FRAME_W, height: h, rx: 4 }));
    const title = label(trace, f.name) === "<module>" ? "Global frame" : `${label(trace, f.name)}()`;
    g.append(s("text", { x: MARGIN + 8, y: y + 17, class: "frame-title" }, title + (f.line > 0 ? `  · line ${f.line}` : "")));
    let ry = y + 26;
    if (rows === 0) g.append(s("text", { x: MARGIN + 8, y: ry + 13, class: "muted" }, "(no variables)"));
    const entries: [string, number, boolean][] = vars.map(([name, target]) => [label(trace, name), target, false]);
    for (const t of f.temps) entries.push(["(stack)", t, true]);
    for (const [name, target, temp] of entries) {
      g.append(s("text", { x: MARGIN + 8, y: ry + 13, class: temp ? "var temp" : "var" }, name));
      if (visible.depth.has(target)) {
        framePorts.push({ x: MARGIN + FRAME_W - 12, y: ry + 9, target, name });
        g.append(s("circle", { cx: MARGIN + FRAME_W - 12, cy: ry + 9, r: 3.5, class: "port" }));
      } else {
        const text = s("text", { x: MARGIN + FRAME_W - 8, y: ry + 13, class: "inline", "text-anchor": "end", "data-id": target }, inlineText(input, target));
        text.addEventListener("click", () => onSelect(target));
        g.append(text);
      }
      ry += ROW_H;
    }
    framesGroup.append(g);
    y += h + 12;
  }
  const framesBottom = y;

  // Columns by depth; garbage in a band below.
  const columnY: number[] = [];
  const colX = (d: number): number => MARGIN + FRAME_W + COL_GAP + (d - 1) * (BOX_W + COL_GAP);
  const reachable = visible.order.filter((id) => !analysis.garbage.has(id));
  const garbage = visible.order.filter((id) => analysis.garbage.has(id));
  const place = (ids: number[], top: number): number => {
    let bottom = top;
    columnY.length = 0;
    for (const id of ids) {
      const o = state.objects.get(id)!;
      const d = visible.depth.get(id) ?? 1;
      const rows = rowsOf(input, o);
      const h = boxHeight(rows);
      const by = columnY[d] ?? top;
      boxes.set(id, { id, x: colX(d), y: by, w: BOX_W, h, rows, freed: false });
      columnY[d] = by + h + BOX_GAP;
      bottom = Math.max(bottom, by + h);
    }
    return bottom;
  };
  let bottom = place(reachable, MARGIN + 20);
  let bandRight = 0;
  nodesLayer.append(s("text", { x: colX(1), y: MARGIN + 6, class: "band-title" }, "Heap"));
  bottom = Math.max(bottom, framesBottom);
  if (garbage.length > 0) {
    const top = bottom + 44;
    const end = place(garbage, top + 8);
    const maxDepth = Math.max(...garbage.map((id) => visible.depth.get(id) ?? 1));
    const bandWidth = Math.max(470, maxDepth * (BOX_W + COL_GAP) - COL_GAP + 130);
    bandRight = colX(1) - 14 + bandWidth + 20;
    backLayer.append(s("rect", { x: colX(1) - 14, y: top - 22, width: bandWidth, height: end - top + 44, class: "garbage-band", rx: 8 }));
    nodesLayer.append(s("text", { x: colX(1) - 4, y: top - 6, class: "band-title garbage-title" }, "Unreachable but not freed: garbage waiting for the cyclic collector"));
    bottom = end + 22;
  }

  // Objects freed by this step, fading out with the reason.
  const freed: number[] = [];
  if (input.previous !== null) {
    for (const id of input.previous.objects.keys()) {
      if (state.objects.has(id)) continue;
      const kind = kindOfId(trace, id);
      if (kind === KIND_LIST || kind === KIND_DICT || kind === KIND_INSTANCE || kind === KIND_TUPLE || kind === KIND_SET || kind === KIND_CELL || kind === KIND_WEAKREF) freed.push(id);
    }
  }
  if (freed.length > 0) {
    const top = bottom + 40;
    nodesLayer.append(s("text", { x: colX(1) - 4, y: top - 12, class: "band-title freed-title" }, "Freed in this step"));
    let x = colX(1);
    let rowBottom = top;
    let fy = top;
    for (const id of freed.slice(0, 24)) {
      const death = input.deaths.get(id);
      const reason = death === undefined ? "freed" : FREE_REASON_TEXT[death.reason] ?? "freed";
      const fin = ((trace.objects.flags[id - 1] ?? 0) & OBJ_HAS_FINALIZER) !== 0 ? "; __del__ ran" : "";
      const gen = death !== undefined && death.reason === FREE_GC ? ` (gen ${death.generation})` : "";
      const weak = weakrefsCleared(input.previous!, state, id);
      const callbacks = weak.callbacks > 0 ? `; weakref callback${weak.callbacks > 1 ? "s" : ""} ran` : weak.cleared > 0 ? "; weakrefs cleared" : "";
      const g = s("g", { class: "box freed", "data-id": id, "data-type": typeName(trace, id) });
      g.append(s("rect", { x, y: fy, width: BOX_W, height: 58, rx: 5 }));
      g.append(s("text", { x: x + 8, y: fy + 16, class: "box-title" }, objectName(trace, id)));
      g.append(s("text", { x: x + 8, y: fy + 33, class: "reason" }, reason));
      if (gen + fin + callbacks !== "") g.append(s("text", { x: x + 8, y: fy + 49, class: "reason" }, (gen + fin + callbacks).replace(/^[ ;]+/, "")));
      nodesLayer.append(g);
      rowBottom = Math.max(rowBottom, fy + 58);
      x += BOX_W + 20;
      if (x > colX(4)) {
        x = colX(1);
        fy = rowBottom + 12;
      }
    }
    bottom = rowBottom + 10;
  }

  // Boxes.
  for (const box of boxes.values()) nodesLayer.append(drawBox(input, box, onSelect));

  // Arrows.
  const arrow = (x1: number, y1: number, target: number, cls: string): void => {
    const t = boxes.get(target);
    if (t === undefined) return;
    const x2 = t.x;
    const y2 = t.y + 14;
    let d: string;
    if (Math.abs(t.x - (x1 - BOX_W + 8)) < 4 && t.x !== x1) {
      // A box in the same column: go out on the right and come back into its right side.
      const xr = t.x + t.w;
      const out = xr + 36 + Math.min(60, Math.abs(y1 - (t.y + 14)) / 6);
      d = `M${x1},${y1} C${out},${y1} ${out},${t.y + 14} ${xr + 2},${t.y + 14}`;
      edgesLayer.append(s("path", { d, class: "edge " + cls, "marker-end": cls.includes("weak") ? "url(#arrow-weak)" : cls.includes("cycle") ? "url(#arrow-cycle)" : "url(#arrow)" }));
      return;
    }
    if (x2 > x1 + 10) {
      const dx = Math.max(30, (x2 - x1) / 2);
      d = `M${x1},${y1} C${x1 + dx},${y1} ${x2 - dx},${y2} ${x2},${y2}`;
    } else {
      // Backwards (a cycle or a shorter path): loop around on the right and come in from the left.
      const out = Math.max(x1, t.x + t.w) + 40;
      d = `M${x1},${y1} C${out},${y1} ${out},${y2 - 60} ${(x1 + x2) / 2},${Math.min(y1, y2) - 30} S${x2 - 50},${y2} ${x2},${y2}`;
    }
    edgesLayer.append(s("path", { d, class: "edge " + cls, "marker-end": cls.includes("weak") ? "url(#arrow-weak)" : cls.includes("cycle") ? "url(#arrow-cycle)" : "url(#arrow)" }));
  };
  for (const p of framePorts) arrow(p.x, p.y, p.target, "from-frame" + (input.changed.has(p.target) ? " changed" : ""));
  for (const box of boxes.values()) {
    box.rows.forEach((row, i) => {
      if (row.text !== null || row.target === 0) return;
      const sameCycle = analysis.cycleOf.has(box.id) && analysis.cycleOf.get(box.id) === analysis.cycleOf.get(row.target);
      const cls = (row.weak ? "weak" : sameCycle ? "cycle" : "") + (analysis.garbage.has(box.id) ? " garbage" : "");
      arrow(box.x + box.w - 8, box.y + HEAD_H + i * ROW_H + 9, row.target, cls);
    });
  }

  let right = bandRight;
  for (const box of boxes.values()) right = Math.max(right, box.x + box.w + 130);
  const width = Math.max(right, colX(1) + BOX_W + 130, 600);
  const height = bottom + 40;
  const defs = s("defs");
  for (const [id, cls] of [["arrow", "marker"], ["arrow-weak", "marker weak"], ["arrow-cycle", "marker cycle"]] as const) {
    const marker = s("marker", { id, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" });
    marker.append(s("path", { d: "M0,0 L10,5 L0,10 z", class: cls }));
    defs.append(marker);
  }
  svg.append(defs, backLayer, framesGroup, edgesLayer, nodesLayer);
  if (visible.grouped.size > 0) {
    const text = [...visible.grouped].map(([t, n]) => `${n} ${t}`).join(", ");
    svg.append(s("text", { x: colX(1), y: height - 16, class: "muted grouped" }, `Not drawn (over ${input.options.maxBoxes} boxes), by type: ${text}; raise "boxes" to draw them`));
  }
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  return { width, height, svg };
}

function drawBox(input: GraphInput, box: Box, onSelect: (id: number) => void): SVGGElement {
  const { trace, state, analysis } = input;
  const o = state.objects.get(box.id)!;
  const classes = ["box"];
  if (analysis.garbage.has(box.id)) classes.push("garbage");
  const inCycle = analysis.cycleOf.has(box.id) && (input.options.showInternals || ((trace.objects.flags[box.id - 1] ?? 0) & OBJ_OPAQUE) === 0);
  if (inCycle) classes.push("in-cycle");
  if (box.id === input.selected) classes.push("selected");
  if (input.changed.has(box.id)) classes.push("changed");
  const g = s("g", { class: classes.join(" "), "data-id": box.id, "data-type": typeName(trace, box.id) });
  g.addEventListener("click", (e) => {
    e.stopPropagation();
    onSelect(box.id);
  });
  g.append(s("rect", { x: box.x, y: box.y, width: box.w, height: box.h, rx: 5 }));
  const title = objectName(trace, box.id);
  g.append(s("text", { x: box.x + 8, y: box.y + 15, class: "box-title" }, title.length > 24 ? title.slice(0, 11) + "…" + title.slice(-12) : title));
  const refText = ((trace.objects.flags[box.id - 1] ?? 0) & 4) !== 0 ? "static" : `refcount ${o.refcnt}`;
  g.append(s("text", { x: box.x + box.w - 8, y: box.y + 15, class: "refcount", "text-anchor": "end" }, refText));
  const kind = kindOfId(trace, box.id);
  let sub = o.gc >= 0 ? gcStateText(o.gc) : "";
  if (kind !== KIND_LIST && kind !== KIND_DICT && kind !== KIND_TUPLE && kind !== KIND_SET && kind !== KIND_INSTANCE) {
    const repr = label(trace, o.repr);
    sub = repr.length > 30 ? repr.slice(0, 29) + "…" : repr + (sub !== "" && sub !== "not a GC object" ? ` · ${sub}` : "");
  }
  if (inCycle) sub += " · in a cycle";
  if (o.finalized) sub += " · finalized";
  g.append(s("text", { x: box.x + 8, y: box.y + 31, class: "box-sub" }, sub));
  box.rows.forEach((row, i) => {
    const ry = box.y + HEAD_H + i * ROW_H;
    g.append(s("line", { x1: box.x, x2: box.x + box.w, y1: ry, y2: ry, class: "row-line" }));
    g.append(s("text", { x: box.x + 8, y: ry + 13, class: "row-label" }, row.label.length > 16 ? row.label.slice(0, 15) + "…" : row.label));
    if (row.text !== null) {
      const t = s("text", { x: box.x + box.w - 8, y: ry + 13, class: "inline" + (row.weak ? " weak" : ""), "text-anchor": "end" }, row.text);
      if (row.target !== 0) {
        t.addEventListener("click", (e) => {
          e.stopPropagation();
          onSelect(row.target);
        });
      }
      g.append(t);
    } else {
      g.append(s("circle", { cx: box.x + box.w - 8, cy: ry + 9, r: 3.5, class: "port" + (row.weak ? " weak" : "") }));
    }
  });
  return g;
}

/** The graph's own styles, placed inside exported SVG files. */
export const GRAPH_CSS = `
.heap-graph { font: 12px system-ui, sans-serif; }
.heap-graph text { fill: #1d2433; }
.heap-graph .band-title { font-weight: 600; fill: #556; }
.heap-graph .garbage-title { fill: #b42318; }
.heap-graph .freed-title { fill: #888; }
.heap-graph .frame rect { fill: #eef3fb; stroke: #8aa2c8; }
.heap-graph .frame.top rect { stroke: #2f5fb3; stroke-width: 2; }
.heap-graph .frame-title { font-weight: 600; }
.heap-graph .var { font-family: ui-monospace, monospace; }
.heap-graph .var.temp { fill: #777; font-style: italic; }
.heap-graph .inline { font-family: ui-monospace, monospace; fill: #1a6b3c; cursor: pointer; }
.heap-graph .muted { fill: #888; }
.heap-graph .box { cursor: pointer; }
.heap-graph .box rect { fill: #fffdf5; stroke: #a89a6a; }
.heap-graph .box.selected rect { stroke: #2f5fb3; stroke-width: 3; }
.heap-graph .box.changed rect { fill: #fff4c2; }
.heap-graph .box.in-cycle rect { stroke: #d97706; stroke-width: 2; }
.heap-graph .box.garbage rect { fill: #fde8e6; stroke: #b42318; stroke-dasharray: 5 3; stroke-width: 2; }
.heap-graph .box.freed { opacity: 0.45; }
.heap-graph .box.freed rect { fill: #eee; stroke: #999; stroke-dasharray: 2 2; }
.heap-graph .box-title { font-weight: 600; }
.heap-graph .box-sub, .heap-graph .reason { fill: #666; font-size: 11px; }
.heap-graph .refcount { font-weight: 600; fill: #7a3e00; }
.heap-graph .row-line { stroke: #e4dcc0; }
.heap-graph .row-label { font-family: ui-monospace, monospace; fill: #555; }
.heap-graph .port { fill: #1d2433; }
.heap-graph .port.weak { fill: #fff; stroke: #1d2433; }
.heap-graph .garbage-band { fill: #fff6f5; stroke: #e8a29b; stroke-dasharray: 6 4; }
.heap-graph .edge { fill: none; stroke: #44506a; stroke-width: 1.4; }
.heap-graph .edge.weak { stroke-dasharray: 5 4; stroke: #6b7280; }
.heap-graph .edge.cycle { stroke: #d97706; stroke-width: 2; }
.heap-graph .edge.garbage { stroke: #b42318; }
.heap-graph .edge.changed { stroke: #2f5fb3; stroke-width: 2.2; }
.heap-graph .marker { fill: #44506a; }
.heap-graph .marker.weak { fill: #6b7280; }
.heap-graph .marker.cycle { fill: #d97706; }
`;

export { frameName };
