// The GIL examples: all leak-free; calling the runtime inside nogil() is a GilError raised
// before anything is allocated.

import { expect, test } from "vitest";
import { GilError, gilHeld } from "heapscope/native";
import { detectLeaks, detectLeaksAsync } from "heapscope/testing";
import { gilManagedAlloc, ioOperation, ioOperationAsync, ioOperationBug, manualGil } from "./gil.js";

test("manual_gil, io_operation and gil_managed_alloc leak nothing", async () => {
  expect(manualGil()).toBe("test");
  expect(ioOperation()).toBe("data");
  expect(gilManagedAlloc()).toBe(1024);
  for (const run of [manualGil, ioOperation, gilManagedAlloc]) {
    expect(detectLeaks(() => void run()).leaked).toBe(false);
  }
  expect((await detectLeaksAsync(async () => void (await ioOperationAsync()))).leaked).toBe(false);
  expect(gilHeld()).toBe(true);
});

test("creating an object without the GIL throws GilError, and the GIL is back afterwards", () => {
  expect(ioOperationBug).toThrow(GilError);
  expect(ioOperationBug).toThrow("PyString.create() called without holding the GIL");
  expect(gilHeld()).toBe(true);
  expect(detectLeaks(() => void expect(ioOperationBug).toThrow(GilError)).leaked).toBe(false);
});
