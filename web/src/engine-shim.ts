// What the engine expects from Node and a browser worker lacks: Buffer.byteLength (used for
// UTF-8 lengths of strs). Imported before the engine.
const g = globalThis as unknown as { Buffer?: { byteLength(s: string, encoding?: string): number } };
if (g.Buffer === undefined) {
  const encoder = new TextEncoder();
  g.Buffer = { byteLength: (s: string) => encoder.encode(s).length };
}
export {};
