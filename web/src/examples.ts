// The seed examples, bundled into the page (no fetch: the page works offline).
const files = import.meta.glob("../examples/*.py", { query: "?raw", import: "default", eager: true }) as Record<string, string>;

export interface Example {
  /** File name without .py: cycles_and_gc */
  key: string;
  /** Menu title: "cycles and gc" */
  title: string;
  source: string;
}

export const EXAMPLES: Example[] = Object.entries(files)
  .map(([path, source]) => {
    const key = path.replace(/^.*\//, "").replace(/\.py$/, "");
    return { key, title: key.replace(/_/g, " "), source };
  })
  .sort((a, b) => (a.key === "cycles_and_gc" ? -1 : b.key === "cycles_and_gc" ? 1 : a.key.localeCompare(b.key)));
