// What a CSV audit loads before it reads a row: the chunks the CLI's entry imports statically
// (dist/bundle-graph.json, written by scripts/bundle.mjs). Start-up is most of a small audit, so the
// workbook and markdown readers, the map, diff, init and measure code and their libraries load only
// when a command or an input needs them (issue 29).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Graph {
  entry: string;
  chunks: Record<string, { modules: string[]; imports: string[]; dynamicImports: string[] }>;
}

const root = join(import.meta.dirname, '..', '..');
const graphFile = join(root, 'dist', 'bundle-graph.json');

/** Modules of the chunks reachable from `from` through static imports. */
function staticModules(graph: Graph, from: string): string[] {
  const seen = new Set<string>();
  const visit = (chunk: string) => {
    if (seen.has(chunk)) return;
    seen.add(chunk);
    for (const next of graph.chunks[chunk]!.imports) visit(next);
  };
  visit(from);
  return [...seen].flatMap((chunk) => graph.chunks[chunk]!.modules);
}

/** Code a CSV audit never runs: other inputs' readers, other commands' views, and their libraries. */
const NOT_ON_A_CSV_AUDIT = [
  /^dist\/load\/xlsx\//,
  /^dist\/load\/markdown\.js$/,
  /^dist\/views\/(map|diff)\//,
  /^dist\/init\//,
  /^dist\/measure\//,
  /^dist\/config\/starter\.js$/,
  /^node_modules\/(yauzl|saxes|xmlchars|micromark[^/]*|mdast-[^/]*|exceljs|@duckdb\/[^/]*|@clickhouse\/[^/]*|picomatch|tinyglobby|fdir|jsonc-parser|string-width|mermaid)\//,
];

describe('bundle graph', () => {
  it('keeps the readers, views and commands a CSV audit does not use out of the chunks the CLI loads at start', () => {
    const graph = JSON.parse(readFileSync(graphFile, 'utf8')) as Graph;
    const loaded = staticModules(graph, graph.entry);
    // The pipeline itself is there: the CSV reader, the model, the rules.
    expect(loaded).toContain('dist/load/csv-parser.js');
    expect(loaded.some((module) => module.startsWith('dist/rules/'))).toBe(true);
    // The map's layout module is there for one list, MAP_TYPES (journey map --type's choices, given
    // when the command is registered); it moves to a module of its own once the map work in progress lands.
    const allowed = new Set(['dist/views/map/layout.js']);
    expect(loaded.filter((module) => !allowed.has(module) && NOT_ON_A_CSV_AUDIT.some((pattern) => pattern.test(module)))).toEqual([]);
  });

  it('loads the workbook reader and the map views on use', () => {
    const graph = JSON.parse(readFileSync(graphFile, 'utf8')) as Graph;
    const everything = Object.values(graph.chunks).flatMap((chunk) => chunk.modules);
    for (const module of ['dist/load/xlsx/index.js', 'dist/load/markdown.js', 'dist/views/map/html.js']) expect(everything).toContain(module);
  });
});
