// Fails when libraries import each other in a loop as packages: some file of libs/A imports
// @app/B and some file of libs/B (any file, not only one reachable from A) imports @app/A, or
// a longer loop A -> B -> C -> A. dependency-cruiser's own `circular` rule sees only file-level
// loops, so this collapses its graph to one node per libs/<name> folder and looks there.
// Uses the options in .dependency-cruiser.cjs, so it resolves imports exactly as lint:deps does.
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const LIB = /^libs\/([^/]+)\//;

const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
const tsConfig = extractTSConfig('tsconfig.json');
const result = await cruise(['libs'], options, undefined, { tsConfig });
const { modules } = /** @type {import('dependency-cruiser').ICruiseResult} */ (result.output);

/** @type {Map<string, Map<string, string>>} library -> library it imports -> one example */
const graph = new Map();
for (const module of modules) {
  const from = LIB.exec(module.source)?.[1];
  if (from === undefined) continue;
  const edges = graph.get(from) ?? new Map();
  graph.set(from, edges);
  for (const dependency of module.dependencies) {
    const to = LIB.exec(dependency.resolved)?.[1];
    if (to !== undefined && to !== from && !edges.has(to)) {
      edges.set(to, `${module.source} -> ${dependency.module}`);
    }
  }
}

/** The shortest chain of imports from one library to another, or undefined. */
function shortestPath(from, to) {
  const cameFrom = new Map([[from, from]]);
  const queue = [from];
  for (const lib of queue) {
    if (lib === to) {
      const path = [to];
      while (path[0] !== from) path.unshift(cameFrom.get(path[0]));
      return path;
    }
    for (const next of graph.get(lib)?.keys() ?? []) {
      if (!cameFrom.has(next)) {
        cameFrom.set(next, lib);
        queue.push(next);
      }
    }
  }
  return undefined;
}

// Each import A -> B that B leads back from closes a loop; report each set of libraries once.
const cycles = new Map();
for (const [lib, edges] of [...graph].sort(([a], [b]) => a.localeCompare(b))) {
  for (const next of edges.keys()) {
    const back = shortestPath(next, lib);
    if (back === undefined) continue;
    const loop = [lib, ...back.slice(0, -1)];
    const key = [...loop].sort().join(',');
    if (!cycles.has(key)) cycles.set(key, loop);
  }
}

if (cycles.size === 0) {
  console.log(`✔ no import cycles between libraries (${graph.size} libraries)`);
} else {
  for (const loop of cycles.values()) {
    const steps = loop.map((lib, i) => {
      const next = loop[(i + 1) % loop.length];
      return `    libs/${lib} -> libs/${next}   e.g. ${graph.get(lib).get(next)}`;
    });
    console.error(`  error no-lib-cycles: ${[...loop, loop[0]].join(' -> ')}\n${steps.join('\n')}`);
  }
  console.error(`\nx ${cycles.size} import cycle(s) between libraries`);
  process.exitCode = 1;
}
