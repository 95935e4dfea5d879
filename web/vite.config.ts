// Build of the playground page (dist/web) and of the viewer bundle the HTML reports inline
// (dist/web-report/report.js). Everything is bundled: the page fetches nothing from outside.
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: here,
  base: "./",
  logLevel: "warn",
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 4000,
    reportCompressedSize: false,
  },
  worker: { format: "es" },
});
