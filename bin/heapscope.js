#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/cli into dist/ by `npm run build`.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const entry = join(root, "dist", "cli", "main.js");
if (!existsSync(entry)) {
  process.stderr.write("heapscope: not built yet; run `npm run build` in " + root + "\n");
  process.exit(2);
}
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
