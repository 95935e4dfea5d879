// The viewer of a recorded run: a timeline over every executed line, the program text, its
// output, the frames and heap graph, and the side panels, all following the selected step.
// The playground page and the HTML report both use it (the page adds the editor's controls).

import { appendChunk, emptyTrace, stepCount, type Trace, type TraceChunk } from "../../../src/trace/log.js";
import { Rebuilder, TraceIndex, cloneState, type HeapState } from "../../../src/trace/rebuild.js";
import { DEFAULT_VISIBLE, analyze, describeStep, label, visibleHeap, type VisibleOptions } from "../../../src/trace/analysis.js";
import { CodeView } from "./code.js";
import { GRAPH_CSS, drawGraph } from "./graph.js";
import { renderAllocator, renderChanges, renderGC, renderMemory, renderObject, type PanelContext } from "./panels.js";
import { clear, h } from "./dom.js";

export interface ViewerOptions {
  editable: boolean;
  source: string;
  onSourceChange?: (text: string) => void;
  /** Extra toolbar controls (Run, Stop, examples...), placed before the step controls. */
  toolbar?: HTMLElement[];
}

export class Viewer {
  trace: Trace = emptyTrace("", "");
  private index = new TraceIndex(this.trace);
  private rebuilder = new Rebuilder(this.trace);
  private sideRebuilder = new Rebuilder(this.trace);
  step = 0;
  selected = 0;
  private visibleOptions: VisibleOptions = { ...DEFAULT_VISIBLE };
  private renderPending = false;
  private zoom = 1;
  status = "";

  readonly code: CodeView;
  readonly root: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly stepLabel: HTMLElement;
  private readonly statusEl: HTMLElement;
  private readonly outputEl: HTMLElement;
  private readonly graphEl: HTMLElement;
  private readonly changesEl: HTMLElement;
  private readonly objectEl: HTMLElement;
  private readonly gcEl: HTMLElement;
  private readonly memoryEl: HTMLElement;
  private readonly allocEl: HTMLElement;
  readonly backButton: HTMLButtonElement;
  readonly stepButton: HTMLButtonElement;

  constructor(parent: HTMLElement, options: ViewerOptions) {
    this.backButton = h("button", { id: "step-back", title: "Step back (←)", onclick: () => this.setStep(this.step - 1) }, "◀ Step back");
    this.stepButton = h("button", { id: "step", title: "Step (→)", onclick: () => this.setStep(this.step + 1) }, "Step ▶");
    this.slider = h("input", { id: "timeline", type: "range", min: 0, max: 0, value: 0, title: "Timeline: every executed line" });
    this.slider.addEventListener("input", () => this.setStep(Number(this.slider.value)));
    this.stepLabel = h("span", { id: "step-label", className: "step-label" }, "no run yet");
    this.statusEl = h("span", { id: "status", className: "status" });
    const toolbar = h("div", { className: "toolbar" },
      h("span", { className: "brand" }, "heapscope"),
      ...(options.toolbar ?? []),
      this.backButton, this.stepButton, this.slider, this.stepLabel, this.statusEl);

    const codeEl = h("div", { className: "code", id: "code" });
    this.outputEl = h("pre", { className: "output", id: "output" });
    this.graphEl = h("div", { className: "graph-viewport", id: "graph" });
    this.changesEl = h("div", { id: "changes" });
    this.objectEl = h("div", { id: "object" });
    this.gcEl = h("div", { id: "gc" });
    this.memoryEl = h("div", { id: "memory" });
    this.allocEl = h("div", { id: "allocator" });

    const toggle = (name: keyof VisibleOptions, text: string): HTMLElement => {
      const box = h("input", { type: "checkbox", id: `opt-${name}` });
      box.checked = Boolean(this.visibleOptions[name]);
      box.addEventListener("change", () => {
        (this.visibleOptions[name] as boolean) = box.checked;
        this.render();
      });
      return h("label", { className: "opt" }, box, text);
    };
    // Large heaps: how many items of a container are drawn before the rest collapse into
    // "… N more", and how many boxes are drawn before further objects are counted by type.
    const limit = (name: "itemsShown" | "maxBoxes", text: string, values: number[]): HTMLElement => {
      const select = h("select", { id: `opt-${name}`, title: text },
        ...values.map((v) => h("option", { value: String(v) }, String(v))));
      select.value = String(this.visibleOptions[name]);
      select.addEventListener("change", () => {
        this.visibleOptions[name] = Number(select.value);
        this.render();
      });
      return h("label", { className: "opt" }, text, select);
    };
    const graphTools = h("div", { className: "graph-tools" },
      h("button", { title: "Zoom out", onclick: () => this.setZoom(this.zoom / 1.25) }, "−"),
      h("button", { title: "Zoom in", onclick: () => this.setZoom(this.zoom * 1.25) }, "+"),
      h("button", { title: "Actual size", onclick: () => this.setZoom(1) }, "1:1"),
      toggle("showAtoms", "scalars as objects"),
      toggle("showInternals", "insides of functions/classes"),
      limit("itemsShown", "items per container", [4, 12, 32, 64]),
      limit("maxBoxes", "boxes", [40, 160, 400, 1000]),
      h("button", { id: "export-graph-svg", title: "Save the graph as SVG", onclick: () => this.exportGraph("svg") }, "SVG"),
      h("button", { id: "export-graph-png", title: "Save the graph as PNG", onclick: () => this.exportGraph("png") }, "PNG"));

    const section = (title: string, body: HTMLElement, id: string): HTMLElement =>
      h("details", { open: true, className: "panel", id: `panel-${id}` }, h("summary", {}, title), body);
    const memoryTools = h("div", { className: "graph-tools" },
      h("button", { id: "export-plot-svg", title: "Save the plot as SVG", onclick: () => this.exportPlot("svg") }, "SVG"),
      h("button", { id: "export-plot-png", title: "Save the plot as PNG", onclick: () => this.exportPlot("png") }, "PNG"));

    this.root = h("div", { className: "viewer" },
      toolbar,
      h("div", { className: "main" },
        h("div", { className: "left" }, codeEl, h("div", { className: "output-title" }, "Output"), this.outputEl),
        h("div", { className: "center" }, graphTools, this.graphEl),
        h("div", { className: "right" },
          section("What changed", this.changesEl, "changes"),
          section("Selected object", this.objectEl, "object"),
          section("Garbage collector", this.gcEl, "gc"),
          h("details", { open: true, className: "panel", id: "panel-memory" }, h("summary", {}, "Memory over time"), memoryTools, this.memoryEl),
          section("Allocator: arenas and pools", this.allocEl, "allocator"))));
    parent.append(this.root);
    if (document.getElementById("heapscope-graph-css") === null) {
      const style = h("style", { id: "heapscope-graph-css" });
      style.textContent = GRAPH_CSS;
      document.head.append(style);
    }
    this.code = new CodeView(codeEl, options.source, options.editable, options.onSourceChange);
    this.enablePanning();
    document.addEventListener("keydown", (e) => {
      const target = e.target as HTMLElement | null;
      if (target !== null && (target.closest(".cm-editor") !== null || target.tagName === "INPUT" && (target as HTMLInputElement).type !== "range")) return;
      if (e.key === "ArrowRight") {
        this.setStep(this.step + 1);
        e.preventDefault();
      } else if (e.key === "ArrowLeft") {
        this.setStep(this.step - 1);
        e.preventDefault();
      }
    });
    this.graphEl.addEventListener("click", () => this.select(0));
    this.render();
  }

  /** Starts showing a (possibly still growing) trace. */
  setTrace(trace: Trace): void {
    this.trace = trace;
    this.index = new TraceIndex(trace);
    this.rebuilder = new Rebuilder(trace);
    this.sideRebuilder = new Rebuilder(trace);
    this.step = 0;
    this.selected = 0;
    this.updateTimeline();
    this.render();
  }

  /** More of a trace being recorded arrived. */
  appendChunk(chunk: TraceChunk): void {
    appendChunk(this.trace, chunk);
    this.index.update();
    this.updateTimeline();
    this.scheduleRender();
  }

  setStatus(text: string, kind = ""): void {
    this.status = text;
    this.statusEl.textContent = text;
    this.statusEl.className = `status ${kind}`;
  }

  private updateTimeline(): void {
    const n = stepCount(this.trace);
    this.slider.max = String(Math.max(0, n - 1));
    this.slider.value = String(this.step);
    this.updateLabel();
  }

  private updateLabel(): void {
    const n = stepCount(this.trace);
    const line = this.trace.steps.line[this.step] ?? 0;
    this.stepLabel.textContent = n === 0 ? "no run yet" : `step ${this.step} / ${n - 1}${line > 0 ? ` · line ${line}` : ""}`;
    this.backButton.disabled = this.step <= 0;
    this.stepButton.disabled = this.step >= n - 1;
  }

  setStep(step: number): void {
    const n = stepCount(this.trace);
    const target = Math.max(0, Math.min(step, n - 1));
    if (target === this.step && n > 0) return;
    this.step = target;
    this.slider.value = String(target);
    this.updateLabel();
    this.scheduleRender();
  }

  select(id: number): void {
    this.selected = id;
    this.scheduleRender();
  }

  private scheduleRender(): void {
    if (this.renderPending) return;
    this.renderPending = true;
    requestAnimationFrame(() => {
      this.renderPending = false;
      this.render();
    });
  }

  /** The Python stack at the start of `step` and the line it ran: an allocation traceback. */
  private frameLinesAt(step: number): { name: string; line: number }[] {
    const state = this.sideRebuilder.stateAt(step - 1);
    const frames: { name: string; line: number }[] = [];
    for (const fid of state.stack) {
      const f = state.frames.get(fid);
      if (f !== undefined) frames.push({ name: label(this.trace, f.name), line: f.line });
    }
    const ran = this.trace.steps.line[step] ?? 0;
    if (frames.length > 0 && ran > 0) frames[frames.length - 1]!.line = ran;
    return frames;
  }

  render(): void {
    const trace = this.trace;
    const n = stepCount(trace);
    this.outputEl.textContent = n === 0 ? "" : this.index.output.slice(0, this.index.outputEnd[this.step] ?? 0);
    this.outputEl.scrollTop = this.outputEl.scrollHeight;
    if (n === 0) {
      clear(this.graphEl);
      this.graphEl.append(h("p", { className: "muted placeholder" }, "Run the program to record it; then step through it, or drag the timeline."));
      this.code.mark({ ran: 0, next: [] });
      return;
    }
    const step = this.step;
    const previous: HeapState | null = step > 0 ? cloneState(this.rebuilder.stateAt(step - 1)) : null;
    const state = this.rebuilder.stateAt(step);
    const analysis = analyze(trace, state);
    const visible = visibleHeap(trace, state, analysis, this.visibleOptions, this.selected !== 0 ? [this.selected] : []);
    let changes: ReturnType<typeof describeStep> = [];
    const changed = new Set<number>();
    if (previous !== null) {
      const before = analyze(trace, previous);
      const shown = new Set<number>([...visible.order, ...visible.inline]);
      changes = describeStep(trace, previous, state, before, analysis, shown);
      for (const c of changes) if (c.kind === "refcount" || c.kind === "create") for (const id of c.objects) changed.add(id);
    }
    const graph = drawGraph({ trace, state, previous, analysis, visible, options: this.visibleOptions, selected: this.selected, changed, deaths: this.index.deaths }, (id) => this.select(id));
    const zoom = this.zoomFor(graph.width);
    graph.svg.style.width = `${graph.width * zoom}px`;
    graph.svg.style.height = `${graph.height * zoom}px`;
    clear(this.graphEl);
    this.graphEl.append(graph.svg);
    const next: number[] = [];
    for (const fid of state.stack) {
      const f = state.frames.get(fid);
      if (f !== undefined && f.line > 0) next.push(f.line);
    }
    this.code.mark({ ran: trace.steps.line[step] ?? 0, next });
    const ctx: PanelContext = {
      trace, index: this.index, state, analysis, step, selected: this.selected,
      goTo: (s) => this.setStep(s),
      select: (id) => this.select(id),
      frameLinesAt: (s) => this.frameLinesAt(s),
    };
    renderChanges(this.changesEl, ctx, changes);
    renderObject(this.objectEl, ctx);
    renderGC(this.gcEl, ctx);
    renderMemory(this.memoryEl, ctx);
    renderAllocator(this.allocEl, ctx);
    this.root.dataset.step = String(step);
  }

  /** The zoom in force: the chosen one, or (until the user zooms) one that fits the width. */
  private zoomFor(width: number): number {
    if (this.zoomChosen) return this.zoom;
    const available = this.graphEl.clientWidth - 4;
    return available > 0 && width > available ? Math.max(0.55, available / width) : 1;
  }

  private zoomChosen = false;

  private setZoom(zoom: number): void {
    const svg = this.graphEl.querySelector("svg");
    const current = svg === null ? 1 : this.zoomFor(Number(svg.getAttribute("width")));
    this.zoomChosen = true;
    this.zoom = Math.max(0.2, Math.min(4, zoom === 1 ? 1 : current * (zoom / this.zoom)));
    if (svg !== null) {
      svg.style.width = `${Number(svg.getAttribute("width")) * this.zoom}px`;
      svg.style.height = `${Number(svg.getAttribute("height")) * this.zoom}px`;
    }
  }

  private enablePanning(): void {
    const el = this.graphEl;
    let dragging = false;
    let sx = 0;
    let sy = 0;
    el.addEventListener("mousedown", (e) => {
      if ((e.target as Element).closest(".box") !== null) return;
      dragging = true;
      sx = e.clientX;
      sy = e.clientY;
    });
    window.addEventListener("mouseup", () => { dragging = false; });
    window.addEventListener("mousemove", (e) => {
      if (!dragging) return;
      el.scrollLeft -= e.clientX - sx;
      el.scrollTop -= e.clientY - sy;
      sx = e.clientX;
      sy = e.clientY;
    });
    el.addEventListener("wheel", (e) => {
      if (!e.ctrlKey) return;
      e.preventDefault();
      this.setZoom(this.zoom * (e.deltaY < 0 ? 1.1 : 1 / 1.1));
    }, { passive: false });
  }

  private exportGraph(format: "svg" | "png"): void {
    const svg = this.graphEl.querySelector("svg");
    if (svg !== null) exportSvg(svg as SVGSVGElement, GRAPH_CSS, `heapscope-step-${this.step}`, format);
  }

  private exportPlot(format: "svg" | "png"): void {
    const svg = this.memoryEl.querySelector("svg");
    if (svg !== null) exportSvg(svg as SVGSVGElement, PLOT_CSS, "heapscope-memory", format);
  }
}

const PLOT_CSS = `
.memory-plot { font: 11px system-ui, sans-serif; }
.memory-plot .plot-bg { fill: #fafbfd; stroke: #d5dbe6; }
.memory-plot .traced-line { fill: none; stroke: #2f5fb3; stroke-width: 1.5; }
.memory-plot .blocks-line { fill: none; stroke: #9aa3b2; stroke-width: 1; }
.memory-plot .gc-mark { stroke: #e0463a; stroke-width: 1; opacity: 0.6; }
.memory-plot .cursor { stroke: #111; stroke-width: 1; stroke-dasharray: 3 2; }
.memory-plot .legend { fill: #444; }
`;

/** Saves an SVG element (with its styles inlined) as an .svg or .png file. */
function exportSvg(svg: SVGSVGElement, css: string, name: string, format: "svg" | "png"): void {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.removeAttribute("style");
  const style = document.createElementNS("http://www.w3.org/2000/svg", "style");
  style.textContent = css;
  copy.insertBefore(style, copy.firstChild);
  const text = new XMLSerializer().serializeToString(copy);
  const blob = new Blob([text], { type: "image/svg+xml" });
  const url = URL.createObjectURL(blob);
  if (format === "svg") {
    download(url, `${name}.svg`);
    return;
  }
  const img = new Image();
  img.onload = () => {
    const scale = 2;
    const canvas = document.createElement("canvas");
    canvas.width = Number(svg.getAttribute("width")) * scale;
    canvas.height = Number(svg.getAttribute("height")) * scale;
    const g = canvas.getContext("2d")!;
    g.fillStyle = "#fff";
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.scale(scale, scale);
    g.drawImage(img, 0, 0);
    URL.revokeObjectURL(url);
    canvas.toBlob((png) => {
      if (png !== null) download(URL.createObjectURL(png), `${name}.png`);
    });
  };
  img.src = url;
}

function download(url: string, filename: string): void {
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
}

export { PLOT_CSS };
