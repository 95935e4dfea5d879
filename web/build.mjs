// Builds the playground page and the report viewer (run by `npm run build`).
import { build } from "vite";
import { fileURLToPath } from "node:url";
import { readdirSync, writeFileSync } from "node:fs";

const config = fileURLToPath(new URL("./vite.config.ts", import.meta.url));
await build({ configFile: config });
await build({
  configFile: config,
  build: {
    outDir: fileURLToPath(new URL("../dist/web-report", import.meta.url)),
    emptyOutDir: true,
    lib: { entry: fileURLToPath(new URL("./src/report.ts", import.meta.url)), formats: ["iife"], name: "HeapscopeReport", fileName: () => "report.js" },
  },
});
// The examples' names next to the page, for `heapscope serve --example NAME`.
const examples = readdirSync(fileURLToPath(new URL("./examples/", import.meta.url)))
  .filter((f) => f.endsWith(".py"))
  .sort()
  .map((f) => ({ key: f.slice(0, -3), title: f.slice(0, -3).replace(/_/g, " ") }));
writeFileSync(fileURLToPath(new URL("../dist/web/examples.json", import.meta.url)), JSON.stringify(examples, null, 1) + "\n");
