// Builds the playground page and the report viewer (run by `npm run build`).
import { build } from "vite";
import { fileURLToPath } from "node:url";

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
