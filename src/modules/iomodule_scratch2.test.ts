import { test } from "vitest";
import "../runtime/load.js";
import "./iomodule_stringio.js";
import { runPython } from "./bltin_testing.js";
test("s", () => {
  const r = runPython("print('hello')\nimport sys\nsys.stderr.write(repr(sys.stdout))\n");
  console.log(JSON.stringify(r.stdout), JSON.stringify(r.stderr), JSON.stringify(r.error));
});
