// The layering rule of docs/ARCHITECTURE.md, checked on the source: a file under src/<layer>
// imports only its own layer and the layers before it — tests beside the code included.
// Tests that run whole programs through the interpreter the modules build live in
// tests/engine instead.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";

const ORDER = ["memory", "runtime", "python", "modules", "native", "trace", "cli"];
const srcRoot = join(import.meta.dirname, "..", "src");

function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...sourceFiles(path));
    else if (entry.endsWith(".ts")) found.push(path);
  }
  return found;
}

function layerOf(path: string): string {
  return relative(srcRoot, path).split("/")[0]!;
}

describe("layers", () => {
  it("every file imports only its own layer and earlier ones", () => {
    const violations: string[] = [];
    for (const file of sourceFiles(srcRoot)) {
      const own = ORDER.indexOf(layerOf(file));
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)[^"';]*?from\s+["'](\.{1,2}\/[^"']+)["']|import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)) {
        const spec = (match[1] ?? match[2])!;
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(srcRoot + "/")) continue;
        const theirs = ORDER.indexOf(layerOf(target));
        if (theirs > own) violations.push(`${relative(srcRoot, file)} imports ${relative(srcRoot, target)}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
