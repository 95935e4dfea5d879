import { test } from "vitest";
import "./gcmodule.js";
import "./weakrefmodule.js";
import { runAtExitCallbacks } from "./atexitmodule.js";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { decref } from "../runtime/refcount.js";
import { PyRaise } from "../runtime/exceptions.js";
import { objectRepr } from "../runtime/abstract.js";
import { setUnraisableHandler } from "../runtime/finalize.js";
import { installPythonTypes } from "../python/install.js";
import { formatException } from "../python/tbformat.js";
import { internalErrorToPython } from "../python/ceval.js";
import { createInterpreter } from "./interp.js";
import { compileCode, evalCode } from "./bltin_compile.js";

function run(source: string, filename: string): string {
  let out = "";
  installPythonTypes();
  const interp = createInterpreter({ argv: [filename], write: (_s, text) => { out += text; } });
  interp.sources.set(filename, source);
  setUnraisableHandler((error, obj, msg) => {
    const r = error instanceof PyRaise ? error : internalErrorToPython(error);
    let text = "";
    if (obj !== null) {
      const s = objectRepr(obj);
      text += `${msg ?? "Exception ignored in"}: ${s.value}\n`;
      decref(s);
    }
    text += formatException(r.exception, (f, n) => interp.sourceLine(f, n));
    out += text;
  });
  try {
    const code = compileCode(source, filename, "exec");
    try {
      const d = interp.mainModule.dict!;
      decref(evalCode(code, d, d));
    } finally {
      decref(code);
    }
    runAtExitCallbacks(interp);
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    out += formatException(e.exception, (f, n) => interp.sourceLine(f, n));
    decref(e.exception);
  }
  return out;
}

test("scratch", () => {
  const dir = "/work/main/.tmp/mm/cases";
  const only = process.env.CASE;
  for (const f of readdirSync(dir)) {
    if (!f.endsWith(".py") || (only && !f.startsWith(only))) continue;
    const src = readFileSync(`${dir}/${f}`, "utf8");
    let out: string;
    try {
      out = run(src, f);
    } catch (e) {
      out = "JS EXCEPTION " + String((e as Error).stack);
    }
    writeFileSync(`${dir}/${f}.hs`, out);
  }
});
