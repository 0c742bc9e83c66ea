// The part of the WebAssembly JavaScript API that kde-projects-wasm.ts uses.
// Node has the API; @types/node 20 does not declare it (TypeScript's DOM
// lib does, but kappy does not run in a browser).
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Instance {
    constructor(module: Module, imports: Record<string, unknown>);
    readonly exports: Record<string, unknown>;
  }
  class Memory {
    readonly buffer: ArrayBuffer;
  }
}
