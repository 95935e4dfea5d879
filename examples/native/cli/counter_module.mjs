// A native module file that imports the API by its package name, as a file inside a project
// depending on heapscope does (here it resolves to this repository's own dist/ build):
//
//   heapscope run --module examples/native/cli/counter_module.mjs examples/native/cli/count.py

import { arg, defineModule } from "heapscope/native";

let calls = 0;

export const counterModule = defineModule("counter", { doc: "Counts its calls." })
  .function("tick", { args: { by: arg.int({ default: 1 }) }, fn: ({ by }) => (calls += by) })
  .function("calls", { fn: () => calls });
