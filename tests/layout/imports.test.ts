// The import graph of src/, read from the TypeScript sources' own import statements: no cycle, and no
// stage imports one above it (CONTRIBUTING.md, The pipeline).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.js';

const SRC = join(root, 'src');

/**
 * The stages from the top down: a file may import its own folder and any folder on a lower floor, never
 * one on its floor or above. Everything in src/ must be on a floor (a new folder is placed here).
 */
const FLOORS: readonly (readonly string[])[] = [
  ['index.ts'],
  ['api'],
  ['cli'],
  ['views'],
  ['formatters'],
  ['engine'],
  ['measure'],
  ['init'],
  ['config'],
  ['rules'],
  // The interview guide and answers sheet: read by config (its templates' kinds), the engine (--answers) and views.
  ['interview'],
  ['model'],
  ['load'],
  ['vocab', 'errors.ts', 'escape.ts', 'english.ts', 'version.ts', 'marker.ts'],
];
/**
 * Imports that break the rules today, to be removed by the reading work (issue 30): load/markdown.ts finds
 * a markdown file's inventory table with the model's column matcher and grid reader (a load → model
 * cycle), and channel-from-name.ts takes table.ts's types while table.ts calls it (a cycle of two files).
 * The graph is checked without them; once one is gone, the test asking for it says to delete it here.
 */
const KNOWN_WRONG: readonly string[] = ['model/normalize/channel-from-name.ts -> model/normalize/table.ts'];
/** Run on its own before the rest loads (bin/journey.js): it imports nothing of journey and nothing imports it. */
const APART = ['boot'];

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Each source file (relative to src/, with forward slashes) and the src/ files it imports: static, type-only, re-exports and import(). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const path of sources(SRC)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(path, 'utf8'), true, true);
    const targets = importedFiles
      .map((imported) => imported.fileName)
      // A file imported as text (`./map.css?raw`) is an asset, not a module: checked apart below.
      .filter((name) => name.startsWith('.') && !name.endsWith('?raw'))
      .map((name) =>
        relative(SRC, resolve(dirname(path), name.replace(/\.js$/, '.ts')))
          .split('\\')
          .join('/'),
      );
    graph.set(relative(SRC, path).split('\\').join('/'), targets);
  }
  return graph;
}

/** The top-level entry of src/ a file belongs to: its folder, or the file itself. */
const topOf = (file: string) => file.split('/')[0]!;

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

describe('the import graph of src/', () => {
  const full = importGraph();
  const graph = new Map([...full].map(([file, targets]) => [file, targets.filter((target) => !KNOWN_WRONG.includes(`${file} -> ${target}`))]));

  it('reads the imports it checks (a sanity check of the reader itself)', () => {
    expect(graph.get('cli/main.ts')).toContain('cli/commands/audit.ts');
    // import() is an import too: the formatters load lazily.
    expect(graph.get('formatters/index.ts')).toContain('formatters/stylish.ts');
    // So is `import type`.
    expect(graph.get('engine/audit.ts')).toContain('engine/inputs.ts');
  });

  it('names only files that exist', () => {
    const missing = [...graph].flatMap(([file, targets]) => targets.filter((target) => !graph.has(target)).map((target) => `${file} -> ${target}`));
    expect(missing).toEqual([]);
  });

  it('finds every file imported as text (the map stylesheet and script) beside its importer', () => {
    const assets = sources(SRC).flatMap((path) =>
      ts
        .preProcessFile(readFileSync(path, 'utf8'), true, true)
        .importedFiles.filter((i) => i.fileName.endsWith('?raw'))
        .map((i) => resolve(dirname(path), i.fileName.slice(0, -'?raw'.length))),
    );
    expect(assets.length).toBeGreaterThan(0);
    expect(assets.filter((asset) => !existsSync(asset))).toEqual([]);
  });

  it('still has each import KNOWN_WRONG excuses (delete the ones that are gone)', () => {
    expect(KNOWN_WRONG.filter((edge) => !full.get(edge.split(' -> ')[0]!)?.includes(edge.split(' -> ')[1]!))).toEqual([]);
  });

  it('has no cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('places every top-level folder and file of src/ on a floor', () => {
    const placed = new Set([...FLOORS.flat(), ...APART]);
    expect([...new Set([...graph.keys()].map(topOf))].filter((top) => !placed.has(top)).sort()).toEqual([]);
  });

  it('never imports upward or sideways: each stage knows nothing of the ones above it', () => {
    const floor = new Map(FLOORS.flatMap((tops, level) => tops.map((top) => [top, FLOORS.length - level] as const)));
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        const [from, to] = [topOf(file), topOf(target)];
        if (from === to) continue;
        if (APART.includes(from) || APART.includes(to)) wrong.push(`${file} -> ${target} (${APART.includes(from) ? from : to} stands apart)`);
        else if ((floor.get(to) ?? Infinity) >= (floor.get(from) ?? -Infinity)) wrong.push(`${file} -> ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
