import { readFileSync } from 'node:fs';
import { init, type WrappedPdfiumModule } from '@embedpdf/pdfium';

let pdfium: Promise<WrappedPdfiumModule> | undefined;

// @types/node declares no WebAssembly values (lib.dom does); these are the two used here.
const wasm = (
  globalThis as unknown as {
    WebAssembly: {
      Module: new (bytes: Uint8Array) => object;
      Instance: new (module: object, imports: object) => { exports: object };
    };
  }
).WebAssembly;

/** How far PDFium's WebAssembly memory may grow in this thread, and how far it has. */
const memory = { limitBytes: 2 ** 31, grownToBytes: 0, refused: false };

/**
 * Holds PDFium's WebAssembly memory in this thread to about `bytes` (its own ceiling is 2 GB).
 * The memory never shrinks: only ending the thread gives it back.
 */
export function limitPdfiumMemory(bytes: number): void {
  memory.limitBytes = bytes;
}

/** The largest size PDFium's memory has grown to here, and whether growth was ever refused. */
export function pdfiumMemory(): Readonly<typeof memory> {
  return { ...memory };
}

/** PDFium is compiled to WebAssembly once per thread (each has its own), on first use. */
export function loadPdfium(): Promise<WrappedPdfiumModule> {
  pdfium ??= init({
    // PDFium asks for more memory through this import; refused, its allocation fails and it
    // aborts (a WebAssembly.RuntimeError) instead of growing towards 2 GB.
    instantiateWasm: (
      imports: { env: Record<string, unknown> },
      receive: (instance: { exports: object }) => void,
    ) => {
      const env = imports.env;
      const resize = env.emscripten_resize_heap as (bytes: number) => boolean;
      env.emscripten_resize_heap = (bytes: number): boolean => {
        if (bytes >>> 0 > memory.limitBytes) {
          memory.refused = true;
          return false;
        }
        memory.grownToBytes = Math.max(memory.grownToBytes, bytes >>> 0);
        return resize(bytes);
      };
      // Synchronous, so a failure reaches init()'s promise instead of leaving it pending.
      const binary = readFileSync(require.resolve('@embedpdf/pdfium/pdfium.wasm'));
      const instance = new wasm.Instance(new wasm.Module(binary), imports);
      receive(instance);
      return instance.exports;
    },
  }).then((module) => {
    module.FPDF_InitLibrary();
    return module;
  });
  return pdfium;
}
