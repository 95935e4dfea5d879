// The viewer of a `heapscope trace` report: the recorded run is embedded in the page.
import css from "./style.css?inline";
import type { Trace } from "../../src/trace/log.js";
import { h } from "./viewer/dom.js";
import { Viewer } from "./viewer/viewer.js";

function start(): void {
  const style = document.createElement("style");
  style.textContent = css;
  document.head.append(style);
  const data = document.getElementById("heapscope-trace");
  if (data === null) return;
  const trace = JSON.parse(data.textContent ?? "{}") as Trace;
  const app = document.getElementById("app") ?? document.body;
  const title = h("span", { className: "file" }, trace.filename);
  const viewer = new Viewer(app, { editable: false, source: trace.source, toolbar: [title] });
  viewer.setTrace(trace);
  if (trace.end !== null) viewer.setStatus(endText(trace), trace.end.status === "finished" ? "ok" : "warn");
  (window as unknown as { heapscope: Viewer }).heapscope = viewer;
}

function endText(trace: Trace): string {
  const end = trace.end!;
  if (end.status === "finished") return `recorded ${trace.steps.line.length} steps; ${end.reason}`;
  return `stopped: ${end.reason}`;
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
