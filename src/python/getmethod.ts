// Objects/object.c (3.11): _PyObject_GetMethod, behind LOAD_METHOD. The lookup lives in the
// runtime layer (runtime/getmethod.ts), which PyObject_CallMethod*'s models use as well.

export { getMethod, methodIsUnbound } from "../runtime/getmethod.js";
