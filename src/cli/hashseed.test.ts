// `heapscope run` with and without PYTHONHASHSEED: the key is chosen before the runtime's
// strings are hashed, so a str built at run time hashes like the equal literal and finds the
// same dict entries and attributes (as in CPython, whatever the seed).
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");

function run(code: string, seed: string | undefined): { stdout: string; stderr: string } {
  const env = { ...process.env };
  if (seed === undefined) delete env.PYTHONHASHSEED;
  else env.PYTHONHASHSEED = seed;
  const r = spawnSync(process.execPath, [join(root, "bin", "heapscope.js"), "run", "-c", code], { encoding: "utf8", env });
  return { stdout: r.stdout, stderr: r.stderr };
}

const program = [
  "name = ''.join(['__na', 'me__'])",
  "print(hash(name) == hash('__name__'), getattr(int, name))",
  "class J:",
  "    __match_args__ = ('a',)",
  "    def __init__(self): self.a = 5",
  "match J():",
  "    case J(x): print(x)",
].join("\n");

describe("PYTHONHASHSEED", () => {
  it("a random key (unset) keeps runtime-built strings equal to literals", () => {
    expect(run(program, undefined)).toEqual({ stdout: "True int\n5\n", stderr: "" });
  });
  it("a fixed key gives CPython's hash values", () => {
    // python3 -c "print(hash('abc'))" with PYTHONHASHSEED=0 and =5 (CPython 3.11.7).
    expect(run("print(hash('abc'))", "0").stdout).toBe("-4594863902769663758\n");
    expect(run("print(hash('abc'))", "5").stdout).toBe("1824667261547333466\n");
    expect(run(program, "5")).toEqual({ stdout: "True int\n5\n", stderr: "" });
  });
});
