// Imported first by the engine's worker threads: chooses the str hash key from the request's
// PYTHONHASHSEED before any runtime module loads and hashes its static strings (CPython, too,
// derives the key before it creates its first object).
import { workerData } from "node:worker_threads";
import { parseHashSeed, presetHashSeed } from "../runtime/values/pyhash.js";

const request = workerData as { hashSeed?: string | null } | null;
presetHashSeed(parseHashSeed(request?.hashSeed ?? null) ?? "random");
