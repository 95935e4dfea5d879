import { test } from "vitest";
import { Worker } from "node:worker_threads";
import "./gcmodule.js";
import { runPython } from "./bltin_testing.js";

test("hang", () => {
  const code = `
    const { parentPort } = require("node:worker_threads");
    const inspector = require("node:inspector");
    const s = new inspector.Session();
    s.connectToMainThread();
    setTimeout(() => {
      s.post("Debugger.enable", () => {
        s.on("Debugger.paused", (m) => {
          const frames = m.params.callFrames.slice(0, 25).map(f => f.functionName + " " + f.url.split("/").slice(-2).join("/") + ":" + (f.location.lineNumber + 1));
          require("node:fs").writeFileSync("/work/main/.tmp/mm/hang.txt", frames.join("\\n"));
          s.post("Debugger.resume");
          process.exit(0);
        });
        s.post("Debugger.pause");
      });
    }, 4000);
  `;
  new Worker(code, { eval: true });
  const r = runPython("try:\n    try:\n        1/0\n    except ZeroDivisionError:\n        raise KeyError('x')\nexcept KeyError as e:\n    print('KE', e)\n", "h.py");
  console.log(r.stdout, r.error);
});
