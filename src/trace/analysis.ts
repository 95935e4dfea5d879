// What the viewer explains about a rebuilt step: which objects are garbage (alive but
// unreachable: waiting for the collector), which form reference cycles, why an object is
// alive, who holds each of its references, and what a step changed, in words. Pure data
// code over rebuild.ts's HeapState, shared by the tests, the page and the report.
//
// Garbage is found the way Modules/gcmodule.c finds it (update_refs / subtract_refs /
// move_unreachable), over the recorded heap instead of a generation: an object whose
// refcount exceeds the references the recorded heap and the frames explain is held from
// outside (the interpreter, an object the recorder does not follow) and is a root; anything
// not reachable from a root or a frame is garbage.

import {
  FREE_GC, FREE_REASON_TEXT, EV_FINALIZED, EV_FREE, EV_GC_END, EV_GC_START, EV_NEW, EV_VAR, EV_EDGES, EV_WEAK,
  KIND_ATOM, KIND_CELL, KIND_DICT, KIND_INSTANCE, KIND_LIST, KIND_METHOD, KIND_SET, KIND_TUPLE, KIND_WEAKREF,
  LABEL_CLASS, LABEL_DICT_KEY, OBJ_ATOMIC, OBJ_HAS_FINALIZER, OBJ_STATIC, eventLength, type Trace,
} from "./log.js";
import type { FrameState, HeapState, ObjState } from "./rebuild.js";

export interface Analysis {
  /** References each object gets from recorded objects. */
  internal: Map<number, number>;
  /** References each object gets from frames (variables and value-stack temporaries). */
  fromFrames: Map<number, number>;
  /** References not explained by the recorded heap or the frames. */
  external: Map<number, number>;
  reachable: Set<number>;
  /** Alive but unreachable from any frame or outside holder: cyclic garbage. */
  garbage: Set<number>;
  /** Strongly connected component of each object in a reference cycle. */
  cycleOf: Map<number, number>;
}

function bump(map: Map<number, number>, id: number, by = 1): void {
  map.set(id, (map.get(id) ?? 0) + by);
}

export function isStatic(trace: Trace, id: number): boolean {
  return ((trace.objects.flags[id - 1] ?? 0) & OBJ_STATIC) !== 0;
}

/** The frames' references: (frame, variable name or -1 for a temporary, target). */
export function frameReferences(state: HeapState): { frame: FrameState; name: number; target: number }[] {
  const refs: { frame: FrameState; name: number; target: number }[] = [];
  for (const fid of state.stack) {
    const f = state.frames.get(fid);
    if (f === undefined) continue;
    for (const [name, target] of f.vars) refs.push({ frame: f, name, target });
    for (const target of f.temps) refs.push({ frame: f, name: -1, target });
  }
  return refs;
}

export function analyze(trace: Trace, state: HeapState): Analysis {
  const objects = state.objects;
  const internal = new Map<number, number>();
  const fromFrames = new Map<number, number>();
  for (const o of objects.values()) {
    for (const t of o.edges) if (objects.has(t)) bump(internal, t);
  }
  for (const ref of frameReferences(state)) bump(fromFrames, ref.target);
  const external = new Map<number, number>();
  const queue: number[] = [];
  const reachable = new Set<number>();
  for (const o of objects.values()) {
    const explained = (internal.get(o.id) ?? 0) + (fromFrames.get(o.id) ?? 0);
    const outside = isStatic(trace, o.id) ? 1 : o.refcnt - explained;
    if (outside > 0) external.set(o.id, outside);
    if (outside > 0 || fromFrames.has(o.id)) {
      reachable.add(o.id);
      queue.push(o.id);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const o = objects.get(queue[i]!);
    if (o === undefined) continue;
    for (const t of o.edges) {
      if (!reachable.has(t) && objects.has(t)) {
        reachable.add(t);
        queue.push(t);
      }
    }
  }
  const garbage = new Set<number>();
  for (const id of objects.keys()) if (!reachable.has(id)) garbage.add(id);
  return { internal, fromFrames, external, reachable, garbage, cycleOf: findCycles(state) };
}

/** Tarjan's strongly connected components (iteratively); only real cycles are kept. */
export function findCycles(state: HeapState): Map<number, number> {
  const objects = state.objects;
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const cycleOf = new Map<number, number>();
  let counter = 0;
  let component = 0;
  for (const start of objects.keys()) {
    if (index.has(start)) continue;
    const work: { id: number; edge: number }[] = [{ id: start, edge: 0 }];
    index.set(start, counter);
    low.set(start, counter);
    counter++;
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const o = objects.get(top.id)!;
      if (top.edge < o.edges.length) {
        const t = o.edges[top.edge++]!;
        if (!objects.has(t)) continue;
        if (!index.has(t)) {
          index.set(t, counter);
          low.set(t, counter);
          counter++;
          stack.push(t);
          onStack.add(t);
          work.push({ id: t, edge: 0 });
        } else if (onStack.has(t)) {
          low.set(top.id, Math.min(low.get(top.id)!, index.get(t)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.id;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.id)!));
      }
      if (low.get(top.id) === index.get(top.id)) {
        const members: number[] = [];
        for (;;) {
          const m = stack.pop()!;
          onStack.delete(m);
          members.push(m);
          if (m === top.id) break;
        }
        const selfLoop = members.length === 1 && o.edges.includes(top.id);
        if (members.length > 1 || selfLoop) {
          component++;
          for (const m of members) cycleOf.set(m, component);
        }
      }
    }
  }
  return cycleOf;
}

// ------------------------------------------------------------------ naming

export function typeName(trace: Trace, id: number): string {
  return trace.strings[trace.objects.type[id - 1] ?? 0] ?? "?";
}

/** How objects are named in the viewer: `list#12`. */
export function objectName(trace: Trace, id: number): string {
  return `${typeName(trace, id)}#${id}`;
}

export function label(trace: Trace, index: number): string {
  return trace.strings[index] ?? "";
}

/** A reference's description from its holder: `a.next`, `list#3[2]`, `dict#5['k']`. */
export function referenceText(trace: Trace, holder: number, labelIndex: number): string {
  const text = label(trace, labelIndex);
  const name = objectName(trace, holder);
  if (text === "") return `a reference held by ${name}`;
  if (text === LABEL_DICT_KEY) return `a key of ${name}`;
  if (text.startsWith("[")) return `${name}${text}`;
  return `${name}.${text}`;
}

export function frameName(trace: Trace, f: FrameState): string {
  const name = label(trace, f.name);
  return name === "<module>" ? "the global frame" : `frame ${name}()`;
}

// ------------------------------------------------------------------ holders

export interface Holder {
  kind: "object" | "variable" | "temporary" | "outside";
  /** Holding object (kind object) or frame id (variable/temporary). */
  holder: number;
  /** Label or variable name string index. */
  label: number;
  /** References counted (outside: how many are unexplained). */
  count: number;
  text: string;
  /** The step whose line created the reference, when it can be found (-1 otherwise). */
  since: number;
}

/** Every reference that makes up `id`'s refcount, with its holder. */
export function explainRefcount(trace: Trace, state: HeapState, id: number): Holder[] {
  const holders: Holder[] = [];
  const target = state.objects.get(id);
  if (target === undefined) return holders;
  for (const ref of frameReferences(state)) {
    if (ref.target !== id) continue;
    const f = ref.frame;
    if (ref.name >= 0) {
      holders.push({
        kind: "variable", holder: f.id, label: ref.name, count: 1,
        text: `variable \`${label(trace, ref.name)}\` in ${frameName(trace, f)}`,
        since: findVarBinding(trace, state.step, f.id, ref.name, id),
      });
    } else {
      holders.push({
        kind: "temporary", holder: f.id, label: -1, count: 1,
        text: `a temporary on the value stack of ${frameName(trace, f)} (an argument or an iterator being used)`,
        since: -1,
      });
    }
  }
  for (const o of state.objects.values()) {
    for (let i = 0; i < o.edges.length; i++) {
      if (o.edges[i] !== id) continue;
      holders.push({
        kind: "object", holder: o.id, label: o.labels[i]!, count: 1,
        text: referenceText(trace, o.id, o.labels[i]!),
        since: findEdgeInsert(trace, state.step, o.id, id),
      });
    }
  }
  if (isStatic(trace, id)) {
    holders.push({ kind: "outside", holder: 0, label: -1, count: 0, text: "a static object: the interpreter holds it for good", since: -1 });
    return holders;
  }
  const explained = holders.reduce((n, h) => n + h.count, 0);
  const rest = target.refcnt - explained;
  if (rest > 0) {
    holders.push({
      kind: "outside", holder: 0, label: -1, count: rest,
      text: `${rest} held outside the recorded heap (by the interpreter or objects it does not show: a module, a class, a cache)`,
      since: -1,
    });
  }
  return holders;
}

function stepRange(trace: Trace, step: number): [number, number] {
  return [step === 0 ? 0 : trace.steps.eventEnd[step - 1]!, trace.steps.eventEnd[step]!];
}

/** The latest step at or before `step` that bound `name` in frame `fid` to `target`. */
export function findVarBinding(trace: Trace, step: number, fid: number, name: number, target: number): number {
  const e = trace.events;
  for (let s = step; s >= 0; s--) {
    const [from, to] = stepRange(trace, s);
    for (let at = from; at < to; at += eventLength(e, at)) {
      if (e[at] === EV_VAR && e[at + 1] === fid && e[at + 2] === name && e[at + 3] === target) return s;
    }
  }
  return -1;
}

/** The latest step at or before `step` in which `holder` gained a reference to `target`. */
export function findEdgeInsert(trace: Trace, step: number, holder: number, target: number): number {
  const e = trace.events;
  for (let s = step; s >= 0; s--) {
    const [from, to] = stepRange(trace, s);
    for (let at = from; at < to; at += eventLength(e, at)) {
      if (e[at] !== EV_EDGES || e[at + 1] !== holder) continue;
      const n = e[at + 4]!;
      for (let i = 0; i < n; i++) if (e[at + 5 + 2 * i] === target) return s;
    }
  }
  return -1;
}

/** The step in which an object was created (or first recorded). */
export function birthStep(trace: Trace, id: number): number {
  return trace.objects.born[id - 1] ?? -1;
}

// ------------------------------------------------------------------ why alive

export interface AliveChain {
  /** "frame": starts at a frame variable; "outside": at an object held from outside; "garbage": none. */
  root: "frame" | "outside" | "garbage" | "dead";
  rootText: string;
  /** Objects along the chain, the root object first and the object last. */
  path: number[];
  /** Text of each link (path.length - 1 entries). */
  links: string[];
  /** A single reference whose removal would make it unreachable, if there is one. */
  breaker: string | null;
}

function shortestPath(state: HeapState, sources: number[], target: number, skip: { from: number; index: number } | null): number[] | null {
  const parent = new Map<number, number>();
  const queue: number[] = [];
  for (const s of sources) {
    if (parent.has(s)) continue;
    parent.set(s, -1);
    queue.push(s);
  }
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    if (id === target) {
      const path: number[] = [];
      for (let at = id; at !== -1; at = parent.get(at)!) path.push(at);
      return path.reverse();
    }
    const o = state.objects.get(id);
    if (o === undefined) continue;
    for (let k = 0; k < o.edges.length; k++) {
      if (skip !== null && skip.from === id && skip.index === k) continue;
      const t = o.edges[k]!;
      if (!parent.has(t) && state.objects.has(t)) {
        parent.set(t, id);
        queue.push(t);
      }
    }
  }
  return null;
}

/** The shortest chain of references from a root to `id`, and a reference that would cut it. */
export function whyAlive(trace: Trace, state: HeapState, analysis: Analysis, id: number): AliveChain {
  if (!state.objects.has(id)) return { root: "dead", rootText: "it has been freed", path: [], links: [], breaker: null };
  const frameRefs = frameReferences(state);
  const frameRoots = frameRefs.map((r) => r.target);
  const outsideRoots = [...analysis.external.keys()].filter((r) => !isStatic(trace, r) || r === id);
  let path = shortestPath(state, frameRoots, id, null);
  let root: AliveChain["root"] = "frame";
  if (path === null) {
    path = shortestPath(state, outsideRoots, id, null);
    root = "outside";
  }
  if (path === null) {
    return {
      root: "garbage",
      rootText: "nothing reachable holds it: it is garbage kept alive only by a reference cycle, waiting for the cyclic collector",
      path: [], links: [], breaker: null,
    };
  }
  let rootText: string;
  if (root === "frame") {
    const ref = frameRefs.find((r) => r.target === path![0])!;
    rootText = ref.name >= 0 ? `variable \`${label(trace, ref.name)}\` in ${frameName(trace, ref.frame)}` : `a temporary in ${frameName(trace, ref.frame)}`;
  } else {
    rootText = `${objectName(trace, path[0]!)} is held from outside the recorded heap (${analysis.external.get(path[0]!)} reference(s))`;
  }
  const links: string[] = [];
  for (let i = 0; i + 1 < path.length; i++) {
    const o = state.objects.get(path[i]!)!;
    const k = o.edges.indexOf(path[i + 1]!);
    links.push(referenceText(trace, o.id, o.labels[k] ?? 0));
  }
  return { root, rootText, path, links, breaker: findBreaker(trace, state, frameRoots.concat(root === "outside" ? outsideRoots : []), id, frameRefs) };
}

/** A single reference (a variable or an object's slot) whose removal leaves `id` unreachable. */
function findBreaker(trace: Trace, state: HeapState, sources: number[], id: number, frameRefs: ReturnType<typeof frameReferences>): string | null {
  const rootRefs = frameRefs.filter((r) => r.target === id);
  const incoming: { from: number; index: number }[] = [];
  for (const o of state.objects.values()) {
    for (let k = 0; k < o.edges.length; k++) if (o.edges[k] === id && o.id !== id) incoming.push({ from: o.id, index: k });
  }
  const target = state.objects.get(id)!;
  const inCycle = findCycles(state).has(id);
  const consequence = (count: number): string =>
    count === target.refcnt && !inCycle ? "its refcount would drop to zero and it would be freed at once" : inCycle ? "it would become unreachable, and being in a cycle, only the collector would free it" : "it would become unreachable";
  if (rootRefs.length === 1 && incoming.length === 0) {
    const r = rootRefs[0]!;
    const what = r.name >= 0 ? `variable \`${label(trace, r.name)}\` (${frameName(trace, r.frame)})` : "the temporary";
    return `removing ${what}: ${consequence(1)}`;
  }
  if (rootRefs.length > 0) return null;
  for (const edge of incoming) {
    const rest = sources.filter((s) => s !== id);
    if (shortestPath(state, rest, id, edge) === null) {
      const holder = state.objects.get(edge.from)!;
      return `removing ${referenceText(trace, edge.from, holder.labels[edge.index] ?? 0)}: ${consequence(1)}`;
    }
  }
  return null;
}

// ------------------------------------------------------------------ visible heap

export interface VisibleHeap {
  /** Objects drawn, in discovery order, with their distance from the frames. */
  order: number[];
  depth: Map<number, number>;
  /** Objects drawn inline in their holder (atoms) rather than as their own boxes. */
  inline: Set<number>;
  /** Containers whose further items are collapsed: id -> items hidden. */
  collapsed: Map<number, number>;
  /** Objects not drawn because the graph is full, by type name. */
  grouped: Map<string, number>;
}

export interface VisibleOptions {
  /** Items of a container drawn before the rest collapse. */
  itemsShown: number;
  /** Boxes drawn at most; beyond, objects are counted by type. */
  maxBoxes: number;
  /** Draw ints, strs, floats... as boxes of their own. */
  showAtoms: boolean;
  /** Also draw the insides of functions, classes and modules. */
  showInternals: boolean;
}

export const DEFAULT_VISIBLE: VisibleOptions = { itemsShown: 12, maxBoxes: 160, showAtoms: false, showInternals: false };

const EXPANDABLE = new Set([KIND_LIST, KIND_TUPLE, KIND_DICT, KIND_SET, KIND_INSTANCE, KIND_CELL, KIND_METHOD, KIND_WEAKREF]);

export function kindOfId(trace: Trace, id: number): number {
  return trace.objects.kind[id - 1] ?? 0;
}

/** Should this reference be followed when laying out the heap? */
export function followEdge(trace: Trace, from: number, labelIndex: number, options: VisibleOptions): boolean {
  if (options.showInternals) return true;
  if (!EXPANDABLE.has(kindOfId(trace, from))) return false;
  const text = label(trace, labelIndex);
  return text !== LABEL_CLASS;
}

/**
 * What the heap view draws: objects reachable from the frames through containers and
 * instances (not through functions, classes or modules unless asked), then garbage, plus
 * what the selection needs; scalars inline unless asked.
 */
export function visibleHeap(trace: Trace, state: HeapState, analysis: Analysis, options: VisibleOptions, extra: number[] = []): VisibleHeap {
  const order: number[] = [];
  const depth = new Map<number, number>();
  const inline = new Set<number>();
  const collapsed = new Map<number, number>();
  const grouped = new Map<string, number>();
  const queue: number[] = [];
  const visit = (id: number, d: number): void => {
    if (depth.has(id) || inline.has(id) || !state.objects.has(id)) return;
    const atomic = ((trace.objects.flags[id - 1] ?? 0) & OBJ_ATOMIC) !== 0 || kindOfId(trace, id) === KIND_ATOM;
    if (atomic && !options.showAtoms) {
      inline.add(id);
      return;
    }
    if (order.length >= options.maxBoxes) {
      const t = typeName(trace, id);
      grouped.set(t, (grouped.get(t) ?? 0) + 1);
      depth.set(id, -1);
      return;
    }
    depth.set(id, d);
    order.push(id);
    queue.push(id);
  };
  const expand = (): void => {
    while (queue.length > 0) {
      const id = queue.shift()!;
      const o = state.objects.get(id)!;
      const d = depth.get(id)!;
      let shown = 0;
      for (let k = 0; k < o.edges.length; k++) {
        if (!followEdge(trace, id, o.labels[k]!, options)) continue;
        if (shown >= options.itemsShown) {
          collapsed.set(id, (collapsed.get(id) ?? 0) + 1);
          continue;
        }
        shown++;
        visit(o.edges[k]!, d + 1);
      }
      if (o.weak !== 0) visit(o.weak, d + 1);
      if (o.length > o.edges.length) collapsed.set(id, (collapsed.get(id) ?? 0) + o.length - o.edges.length);
    }
  };
  for (const ref of frameReferences(state)) visit(ref.target, 1);
  expand();
  for (const id of extra) visit(id, 1);
  expand();
  // Garbage: unreachable objects the program made (not the interpreter's own).
  for (const id of analysis.garbage) {
    if (kindOfId(trace, id) === KIND_ATOM && !options.showAtoms) continue;
    visit(id, 1);
  }
  expand();
  for (const [id, d] of depth) if (d < 0) depth.delete(id);
  return { order, depth, inline, collapsed, grouped };
}

// ------------------------------------------------------------------ narration

export interface Change {
  text: string;
  /** Objects the sentence is about (highlighted with it). */
  objects: number[];
  kind: "create" | "refcount" | "free" | "gc" | "garbage" | "finalizer" | "output" | "frame" | "weakref";
}

function count(list: number[], id: number): number {
  let n = 0;
  for (const x of list) if (x === id) n++;
  return n;
}

/** The changes of step `step`, in words, given the states before and after it. */
export function describeStep(trace: Trace, before: HeapState, after: HeapState, analysisBefore: Analysis, analysisAfter: Analysis, visible: Set<number>): Change[] {
  const changes: Change[] = [];
  const step = after.step;
  const [from, to] = stepRange(trace, step);
  const e = trace.events;
  for (let at = from; at < to; at += eventLength(e, at)) {
    const op = e[at]!;
    if (op === EV_GC_START) {
      changes.push({ kind: "gc", objects: [], text: `A generation-${e[at + 1]} collection started (${e[at + 2] === 1 ? "automatic: generation 0's count passed its threshold" : "gc.collect() or interpreter shutdown"}).` });
    } else if (op === EV_GC_END) {
      changes.push({ kind: "gc", objects: [], text: `The generation-${e[at + 1]} collection found ${e[at + 2]! + e[at + 3]!} unreachable object(s): ${e[at + 2]} collected, ${e[at + 3]} uncollectable.` });
    } else if (op === EV_FREE) {
      const id = e[at + 1]!;
      if (!visible.has(id) && before.objects.has(id) && !isInteresting(trace, id)) continue;
      const reason = e[at + 2]!;
      let text = `${objectName(trace, id)} was freed: ${FREE_REASON_TEXT[reason] ?? "freed"}`;
      if (reason === FREE_GC) text += ` (generation-${e[at + 3]} collection)`;
      if (((trace.objects.flags[id - 1] ?? 0) & OBJ_HAS_FINALIZER) !== 0) text += "; its __del__ ran first";
      changes.push({ kind: "free", objects: [id], text: text + "." });
    } else if (op === EV_FINALIZED) {
      const id = e[at + 1]!;
      changes.push({ kind: "finalizer", objects: [id], text: `${typeName(trace, id)}.__del__ ran for ${objectName(trace, id)}${before.collecting >= 0 || after.collecting >= 0 ? " (called by the collector)" : ""}.` });
    } else if (op === EV_WEAK && e[at + 2] === 0) {
      const id = e[at + 1]!;
      const old = before.objects.get(id);
      if (old === undefined || old.weak === 0) continue;
      const callback = weakrefHasCallback(old) ? "; its callback was called" : "";
      changes.push({ kind: "weakref", objects: [id], text: `${objectName(trace, id)} is dead: its referent ${objectName(trace, old.weak)} was freed${callback}.` });
    } else if (op === EV_NEW) {
      const id = e[at + 1]!;
      if (!visible.has(id) || (trace.objects.born[id - 1] ?? -1) !== step) continue;
      if (kindOfId(trace, id) === KIND_ATOM) continue;
      changes.push({ kind: "create", objects: [id], text: `${objectName(trace, id)} was created.` });
    }
  }
  // Calls, returns and variables bound.
  for (const fid of after.stack) {
    const f = after.frames.get(fid)!;
    const old = before.frames.get(fid);
    if (old === undefined || !before.stack.includes(fid)) {
      changes.push({ kind: "frame", objects: [], text: `${label(trace, f.name)}() was called: a new frame.` });
    }
    const bound: string[] = [];
    for (const [name, target] of f.vars) {
      if (old !== undefined && old.vars.get(name) === target) continue;
      const o = after.objects.get(target);
      const value = o === undefined ? `#${target}` : kindOfId(trace, target) === KIND_ATOM ? label(trace, o.repr) : objectName(trace, target);
      bound.push(`\`${label(trace, name)}\` = ${value}`);
    }
    if (old !== undefined) for (const name of old.vars.keys()) if (!f.vars.has(name)) bound.push(`\`${label(trace, name)}\` deleted`);
    if (bound.length > 0) changes.push({ kind: "frame", objects: [], text: `In ${frameName(trace, f)}: ${bound.slice(0, 8).join(", ")}${bound.length > 8 ? ", …" : ""}.` });
  }
  for (const fid of before.stack) {
    if (after.stack.includes(fid)) continue;
    const f = before.frames.get(fid);
    if (f !== undefined) changes.push({ kind: "frame", objects: [], text: `${label(trace, f.name)}() returned: its frame and its references are gone.` });
  }
  // Refcount changes of drawn objects, with their causes.
  for (const id of visible) {
    const a = after.objects.get(id);
    const b = before.objects.get(id);
    if (a === undefined || b === undefined || a.refcnt === b.refcnt || isStatic(trace, id)) continue;
    const causes = refcountCauses(trace, before, after, id);
    changes.push({
      kind: "refcount",
      objects: [id],
      text: `refcount of ${objectName(trace, id)} ${b.refcnt} → ${a.refcnt}${causes.length > 0 ? ": " + causes.join("; ") : ""}.`,
    });
  }
  // Newly unreachable objects.
  const newGarbage = [...analysisAfter.garbage].filter((id) => !analysisBefore.garbage.has(id) && isInteresting(trace, id));
  if (newGarbage.length > 0) {
    const cyclic = newGarbage.some((id) => analysisAfter.cycleOf.has(id));
    changes.push({
      kind: "garbage",
      objects: newGarbage,
      text: `${newGarbage.map((id) => objectName(trace, id)).join(", ")} ${newGarbage.length === 1 ? "is" : "are"} now unreachable but not freed${cyclic ? ": a reference cycle keeps each refcount above zero, so only the cyclic collector can free them" : ""}.`,
    });
  }
  return changes;
}

/**
 * Does this weak reference have a callback? A weakref's only strong reference (what its
 * tp_traverse visits) is its callback.
 */
export function weakrefHasCallback(o: ObjState): boolean {
  return o.edges.length > 0;
}

/**
 * The weak references to `id` that died with it between `before` and `after`, and how many
 * of them had a callback (called as `id` was freed).
 */
export function weakrefsCleared(before: HeapState, after: HeapState, id: number): { cleared: number; callbacks: number } {
  let cleared = 0;
  let callbacks = 0;
  for (const o of before.objects.values()) {
    if (o.weak !== id) continue;
    const now = after.objects.get(o.id);
    if (now !== undefined && now.weak === id) continue;
    cleared++;
    if (weakrefHasCallback(o)) callbacks++;
  }
  return { cleared, callbacks };
}

/** Objects the program made itself (not scalars): worth a sentence. */
function isInteresting(trace: Trace, id: number): boolean {
  const kind = kindOfId(trace, id);
  return kind === KIND_LIST || kind === KIND_DICT || kind === KIND_SET || kind === KIND_INSTANCE || kind === KIND_TUPLE || kind === KIND_CELL || kind === KIND_WEAKREF;
}

/** Why a refcount changed: variables rebound and references added or removed. */
function refcountCauses(trace: Trace, before: HeapState, after: HeapState, id: number): string[] {
  const causes: string[] = [];
  const beforeRefs = frameReferences(before);
  const afterRefs = frameReferences(after);
  const key = (r: { frame: FrameState; name: number }): string => `${r.frame.id}:${r.name}`;
  const beforeVars = new Map<string, number>();
  for (const r of beforeRefs) if (r.name >= 0) beforeVars.set(key(r), r.target);
  const afterVars = new Map<string, number>();
  for (const r of afterRefs) if (r.name >= 0) afterVars.set(key(r), r.target);
  for (const r of afterRefs) {
    if (r.name < 0 || r.target !== id) continue;
    if (beforeVars.get(key(r)) !== id) causes.push(`\`${label(trace, r.name)}\` now refers to it`);
  }
  for (const r of beforeRefs) {
    if (r.name < 0 || r.target !== id) continue;
    const now = afterVars.get(key(r));
    if (now === id) continue;
    const frameGone = !after.stack.includes(r.frame.id);
    causes.push(frameGone ? `${frameName(trace, r.frame)} returned, dropping \`${label(trace, r.name)}\`` : now === undefined ? `\`${label(trace, r.name)}\` was deleted` : `\`${label(trace, r.name)}\` was rebound`);
  }
  const holders = new Set<number>();
  for (const o of after.objects.values()) if (o.edges.includes(id)) holders.add(o.id);
  for (const o of before.objects.values()) if (o.edges.includes(id)) holders.add(o.id);
  for (const h of holders) {
    const a = after.objects.get(h);
    const b = before.objects.get(h);
    const na = a === undefined ? 0 : count(a.edges, id);
    const nb = b === undefined ? 0 : count(b.edges, id);
    if (na > nb) causes.push(`stored in ${objectName(trace, h)}${na - nb > 1 ? ` (${na - nb} times)` : ""}`);
    else if (nb > na) causes.push(a === undefined ? `${objectName(trace, h)}, which held it, was freed` : `removed from ${objectName(trace, h)}`);
  }
  const tempsBefore = beforeRefs.filter((r) => r.name < 0 && r.target === id).length;
  const tempsAfter = afterRefs.filter((r) => r.name < 0 && r.target === id).length;
  if (tempsAfter > tempsBefore) causes.push("pushed on a frame's value stack");
  else if (tempsBefore > tempsAfter) causes.push("popped from a frame's value stack");
  return causes;
}

/** Name of an object for a sentence, with its short repr for scalars. */
export function describeObject(trace: Trace, o: ObjState): string {
  const repr = label(trace, o.repr);
  return kindOfId(trace, o.id) === KIND_ATOM ? repr : `${objectName(trace, o.id)} (${repr})`;
}
