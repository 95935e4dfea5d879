// The built command line: `heapscope run --module FILE` loads native modules, and
// heapscope/testing works under node:test. Both need `npm run build` (dist/) and are skipped
// without it.

import { describe, expect, test } from "vitest";
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const built = existsSync(`${root}dist/cli/main.js`) && existsSync(`${root}dist/native/index.js`);

function run(args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe.skipIf(!built)("built CLI", () => {
  test("--module with a factory-style JavaScript module", () => {
    const r = run(["bin/heapscope.js", "run", "--module", "examples/native/cli/greeter.mjs", "examples/native/cli/hello.py"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      `<module 'greeter' from '${root}examples/native/cli/greeter.mjs'>\n` +
        "['Hello, world!']\n" +
        "['Hello, heapscope!', 'Hello, heapscope!']\n" +
        "144\n" +
        "7 <class 'greeter.Tally'>\n",
    );
    expect(r.status).toBe(0);
  });

  test("--module with a file importing heapscope/native by name; --module=PATH form", () => {
    const r = run(["bin/heapscope.js", "run", "--module=examples/native/cli/counter_module.mjs", "examples/native/cli/count.py"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(`6 <module 'counter' from '${root}examples/native/cli/counter_module.mjs'>\n`);
  });

  test("a file that cannot be loaded stops the run with status 2", () => {
    const r = run(["bin/heapscope.js", "run", "--module", "examples/native/cli/hello.py", "examples/native/cli/count.py"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^heapscope: cannot load native module file \/.*examples\/native\/cli\/hello\.py: /);
    expect(r.stdout).toBe("");
  });

  test("without --module, _heapscope is importable", () => {
    const r = run(["bin/heapscope.js", "run", "-c", "import _heapscope\nprint(_heapscope.refcount([]), _heapscope)"]);
    expect(r.stdout).toBe("1 <module '_heapscope' (built-in)>\n");
  });

  test("heapscope/testing under node:test", () => {
    const r = run(["--test", "--test-reporter=tap", "examples/native/node-test/leaks.node.mjs"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/# pass 3\n# fail 0/);
  });
});
