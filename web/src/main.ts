// The playground page: edit a program, run it in a Web Worker that records every line,
// then step through the recording (or drag the timeline) while it still runs.
import css from "./style.css?inline";
import { emptyTrace, stepCount } from "../../src/trace/log.js";
import { h } from "./viewer/dom.js";
import { Viewer } from "./viewer/viewer.js";
import { EXAMPLES } from "./examples.js";
import type { EngineMessage, RunRequest } from "./engine.worker.js";

/** Line steps recorded at most, and the wall-clock budget of a run. */
const MAX_STEPS = 100_000;
const TIMEOUT_SECONDS = 30;
const FILENAME = "main.py";

const style = document.createElement("style");
style.textContent = css;
document.head.append(style);

// ---------------------------------------------------------------- the program in the URL

function encodeSource(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function decodeSource(encoded: string): string | null {
  try {
    const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
    return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

function initialSource(): { source: string; example: string } {
  const params = new URLSearchParams(location.hash.slice(1));
  const code = params.get("code");
  if (code !== null) {
    const text = decodeSource(code);
    if (text !== null) return { source: text, example: "" };
  }
  const wanted = params.get("example");
  const example = EXAMPLES.find((e) => e.key === wanted) ?? EXAMPLES[0]!;
  return { source: example.source, example: example.key };
}

const initial = initialSource();
let hashTimer = 0;
function rememberSource(text: string, example: string): void {
  clearTimeout(hashTimer);
  hashTimer = window.setTimeout(() => {
    const hash = example !== "" && EXAMPLES.find((e) => e.key === example)?.source === text ? `example=${example}` : `code=${encodeSource(text)}`;
    history.replaceState(null, "", `#${hash}`);
  }, 300);
}

// ---------------------------------------------------------------- controls

const examples = h("select", { id: "examples", title: "Examples" },
  h("option", { value: "" }, "Examples…"),
  ...EXAMPLES.map((e) => h("option", { value: e.key }, e.title)));
examples.value = initial.example;
const runButton = h("button", { id: "run", className: "primary", title: "Run and record (Ctrl+Enter)" }, "Run");
const stopButton = h("button", { id: "stop", title: "Stop the running program" }, "Stop");
stopButton.disabled = true;

let currentExample = initial.example;
const viewer = new Viewer(document.getElementById("app")!, {
  editable: true,
  source: initial.source,
  toolbar: [examples, runButton, stopButton],
  onSourceChange: (text) => {
    if (EXAMPLES.find((e) => e.key === currentExample)?.source !== text) {
      currentExample = "";
      examples.value = "";
    }
    rememberSource(text, currentExample);
    if (stepCount(viewer.trace) > 0 && worker === null) viewer.setStatus("edited: run again to record the new program", "warn");
  },
});
rememberSource(initial.source, initial.example);
viewer.setStatus("ready");

examples.addEventListener("change", () => {
  const example = EXAMPLES.find((e) => e.key === examples.value);
  if (example === undefined) return;
  currentExample = example.key;
  viewer.code.setText(example.source);
  rememberSource(example.source, example.key);
});

// ---------------------------------------------------------------- running

let worker: Worker | null = null;
let runStarted = 0;

function finishRun(status: string, kind: string): void {
  worker = null;
  runButton.disabled = false;
  stopButton.disabled = true;
  viewer.setStatus(status, kind);
  viewer.root.dataset.running = "false";
}

function run(): void {
  if (worker !== null) worker.terminate();
  const source = viewer.code.text;
  viewer.setTrace(emptyTrace(FILENAME, source));
  viewer.trace.limits = { containerItems: 64, maxSteps: MAX_STEPS };
  runButton.disabled = true;
  stopButton.disabled = false;
  viewer.root.dataset.running = "true";
  viewer.setStatus("recording…", "busy");
  runStarted = performance.now();
  const w = new Worker(new URL("./engine.worker.ts", import.meta.url), { type: "module" });
  worker = w;
  w.onmessage = (event: MessageEvent<EngineMessage>) => {
    if (w !== worker) return;
    const message = event.data;
    if (message.kind === "chunk") {
      viewer.appendChunk(message.chunk);
      viewer.setStatus(`recording… ${stepCount(viewer.trace)} steps`, "busy");
    } else if (message.kind === "done") {
      w.terminate();
      const end = viewer.trace.end;
      const seconds = ((performance.now() - runStarted) / 1000).toFixed(1);
      const steps = stepCount(viewer.trace);
      if (end !== null && end.status !== "finished") finishRun(`stopped after ${steps} steps: ${end.reason}`, "warn");
      else finishRun(`recorded ${steps} steps in ${seconds} s; exit status ${message.exitCode}`, "ok");
      viewer.render();
    } else {
      w.terminate();
      finishRun(`engine error: ${message.message.split("\n")[0]}`, "error");
    }
  };
  w.onerror = (event) => {
    if (w !== worker) return;
    finishRun(`engine error: ${event.message}`, "error");
  };
  const request: RunRequest = { source, filename: FILENAME, maxSteps: MAX_STEPS, timeoutSeconds: TIMEOUT_SECONDS };
  w.postMessage(request);
}

function stop(): void {
  if (worker === null) return;
  worker.terminate();
  const steps = stepCount(viewer.trace);
  viewer.trace.end = { status: "stopped", reason: "stopped by you", exitCode: -1 };
  finishRun(`stopped by you after ${steps} recorded steps (they are kept)`, "warn");
  viewer.render();
}

runButton.addEventListener("click", run);
stopButton.addEventListener("click", stop);
document.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    run();
  }
});

(window as unknown as { heapscope: unknown }).heapscope = { viewer, run, stop };
