#!/usr/bin/env node
// Compiles the AssemblyScript sources under src/ to WebAssembly in
// dist/wasm/ (part of `npm run build`, so of `npm ci` too). A module newer
// than every file in its source folder is left alone: `npm test` builds
// every time.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modules = [
  { source: 'src/metadata/assembly/scan-kde-projects.ts', output: 'scan-kde-projects.wasm' },
];

mkdirSync(path.join(root, 'dist/wasm'), { recursive: true });
for (const { source, output } of modules) {
  const input = path.join(root, source);
  const wasm = path.join(root, 'dist/wasm', output);
  if (isNewer(wasm, path.dirname(input))) continue;

  // stub runtime: the module allocates nothing; no abort import, no asserts.
  // SIMD: every engine Node 20 runs on (x86-64, arm64) has it.
  const { error, stderr } = await asc.main([input, '--outFile', wasm, '-O3',
    '--runtime', 'stub', '--noAssert', '--use', 'abort=', '--enable', 'simd']);
  if (error) {
    process.stderr.write(stderr.toString());
    console.error(`build-wasm: ${source}: ${error.message}`);
    process.exit(1);
  }
}

/** Whether `file` was written after every file in the folder `sources`. */
function isNewer(file, sources) {
  try {
    const built = statSync(file).mtimeMs;
    return readdirSync(sources).every((name) =>
      statSync(path.join(sources, name)).mtimeMs <= built);
  } catch {
    return false;
  }
}
