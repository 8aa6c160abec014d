// `journey map`: the visual journey map, drawn from the inventory with its findings.
import { writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { Option, type Command } from 'commander';
import { ConfigResolver } from '../config/load.js';
import { ConfigError } from '../errors.js';
import { audit, type AuditInput } from '../engine/audit.js';
import { reportPath } from '../engine/paths.js';
import type { Finding, JourneyModel } from '../model/schema.js';
import { foldKey, nearest } from '../model/text.js';
import { terminalLine } from '../escape.js';
import { findBrowser } from './browser.js';
import { MAP_TYPES, buildJourneyMap, type LaneKind, type MapSource, type MapType } from '../views/map/layout.js';
import type { InputFlags } from './flags.js';
import { expandInputs } from './inputs.js';
import { checkOutputs, ensureFolderOf, writeAtomically } from './outputs.js';

export const MAP_FORMATS = ['html', 'svg', 'mermaid', 'png', 'pdf'] as const;
type MapFormat = (typeof MAP_FORMATS)[number];

/** What each format can draw so far; the rest is refused with a usage error rather than drawn half. */
const SUPPORTED: Record<MapFormat, readonly MapType[]> = {
  html: MAP_TYPES,
  svg: ['current', 'future', 'detail', 'blueprint'],
  mermaid: ['current', 'future', 'detail'],
  png: ['current', 'future'],
  pdf: ['current', 'future'],
};
/** A PNG is one persona's page in a 1600×900 window, at twice the pixels for a crisp slide. */
export const PNG_WINDOW = { width: 1600, height: 900, scale: 2 } as const;

export interface MapFlags extends InputFlags {
  type: MapType;
  lanes: LaneKind;
  format: MapFormat;
  persona?: string;
  browser?: string;
}

/** Adds the map command's description, arguments and own options (the shared input options are added by main). */
export function defineMapCommand(command: Command): Command {
  return command
    .description('draw the journey map: one page per persona (HTML, SVG, PNG, PDF or Mermaid) with stages, touchpoints by channel, the emotion curve, pains, opportunities, KPIs and handoffs')
    .argument('<files...>', 'inventory files or folders')
    .addOption(new Option('--type <type>', 'which map').choices(MAP_TYPES).default('current'))
    .addOption(new Option('--lanes <kind>', 'detail, blueprint and day maps: one lane per channel or per team').choices(['channel', 'team']).default('channel'))
    .addOption(new Option('--format <name>', 'output format').choices(MAP_FORMATS).default('html'))
    .option('--persona <name>', 'draw only this persona')
    .option('--browser <path>', 'Chromium, Chrome or Edge program for --format png and pdf (default: $CHROME_PATH, else the first found)');
}

/** A persona name as a file-name part: letters, digits and dashes. */
function slug(text: string): string {
  return text.normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 60) || 'persona';
}

/** Audits the inputs, draws the map and writes it; 0 when written, 2 for input and usage errors. */
export async function runMap(files: string[], flags: MapFlags): Promise<number> {
  if (!SUPPORTED[flags.format].includes(flags.type)) {
    throw new ConfigError(`--type ${flags.type} is not yet supported with --format ${flags.format} (it is with: ${SUPPORTED[flags.format].join(', ')}; --format html draws every type)`);
  }
  const toTerminal = flags.output === undefined && process.stdout.isTTY === true;
  if ((flags.format === 'png' || flags.format === 'pdf') && flags.output === undefined) {
    throw new ConfigError(`--format ${flags.format} writes a file: give it with -o map.${flags.format}`);
  }
  const browser = flags.format === 'png' || flags.format === 'pdf' ? findBrowser(flags.browser, flags.format) : null;
  if (toTerminal && flags.format !== 'mermaid') {
    throw new ConfigError(`refusing to write ${flags.format.toUpperCase()} to a terminal; write it to a file with -o map.${flags.format} and open that`);
  }
  const inputs: AuditInput[] = files.includes('-') ? [{ stream: process.stdin, name: flags.stdinFilename }] : [];
  const notes: string[] = [];
  inputs.push(...(await expandInputs(files.filter((file) => file !== '-'), notes)));
  for (const note of notes) process.stderr.write(`${terminalLine(`journey: note: ${note}`)}\n`);
  const configs = new ConfigResolver(flags.config ?? null);
  const audited: { file: string; model: JourneyModel; findings: Finding[] }[] = [];
  const result = await audit(inputs, { configs, sheets: flags.sheet, readTimeoutSeconds: flags.readTimeout, onModel: (file, model, findings) => audited.push({ file, model, findings }) });
  const read = [...inputs.flatMap((input) => ('path' in input ? [input.path] : [])), ...configs.files()];
  // Each file the map writes is checked against what the run read before it is written (an SVG per persona is named later).
  const guard = (path: string | undefined) => checkOutputs(path === undefined ? [] : [{ option: '-o', path }], read, flags.force === true);
  await guard(flags.output);
  for (const file of result.files) if (file.error !== null) process.stderr.write(`${terminalLine(`journey: ${file.error}`)}\n`);
  const sources: MapSource[] = [];
  for (const { file, model, findings } of audited) {
    const config = await configs.forFile(file === flags.stdinFilename && files.includes('-') ? null : file);
    const option = (id: string, key: string): number | null => {
      const setting = config.rules.find((r) => r.rule.id === id);
      return setting && setting.level !== 'off' ? ((setting.options as Record<string, number>)[key] ?? null) : null;
    };
    sources.push({ file, model, findings, handoffLimit: option('handoff-lag', 'maxDays'), weeklyLimit: option('over-communication', 'maxPerWeek'), ignoredStages: ignoredStagesOf(config.rules.find((r) => r.rule.id === 'missing-stage')?.options) });
  }
  const map = buildJourneyMap(sources, { type: flags.type, lanes: flags.lanes, persona: flags.persona ?? null });
  if (flags.persona !== undefined && map.personas.length === 0 && sources.length > 0) {
    const names = sources.flatMap((s) => s.model.personas.map((p) => p.name));
    const near = nearest(flags.persona, names);
    throw new ConfigError(`--persona: no persona "${flags.persona}"${near ? `; did you mean "${near}"?` : ''} (the inventory has ${names.map((n) => `"${n}"`).join(', ') || 'none'})`);
  }
  const inputErrors = result.summary.inputErrors > 0;
  if (sources.length === 0) return 2;
  const fileLabel = (file: string) => reportPath(file);
  const { personaLabels } = await import('../views/map/html.js');
  const labels = personaLabels(map, fileLabel);

  const perPersona = async (extension: string, drawings: string[], writeOne: (path: string, i: number) => Promise<void>) => {
    if (flags.output === undefined) throw new ConfigError(`--format ${flags.format} draws one ${extension.toUpperCase()} per persona (${drawings.length} here): give -o map.${extension} to write map-<persona>.${extension} files, or choose one with --persona`);
    const base = join(dirname(flags.output), basename(flags.output, extname(flags.output)));
    const used = new Set<string>();
    for (const [i] of drawings.entries()) {
      let name = `${base}-${slug(map.personas[i]!.persona)}`;
      while (used.has(name)) name += `-${i + 1}`;
      used.add(name);
      await guard(`${name}.${extension}`);
      await writeOne(`${name}.${extension}`, i);
    }
  };

  if (flags.format === 'html') {
    const { renderHtml } = await import('../views/map/html.js');
    await write(renderHtml(map, { fileLabel }), flags.output);
  } else if (flags.format === 'mermaid') {
    const { renderMermaid } = await import('../views/map/mermaid.js');
    await write(renderMermaid(map, labels), flags.output);
  } else if (flags.format === 'svg') {
    const { renderSvg } = await import('../views/map/svg.js');
    const { overviewSvg } = await import('../views/map/overview-svg.js');
    const { isOverview } = await import('../views/map/html.js');
    const drawings = map.personas.map((persona, i) =>
      isOverview(map.type) ? overviewSvg(persona, { title: labels[i]!, future: map.type === 'future', idPrefix: persona.key, file: fileLabel(persona.file) }, true) : renderSvg(persona, map, labels[i]!),
    );
    if (drawings.length === 1) await write(drawings[0]!, flags.output);
    else await perPersona('svg', drawings, (path, i) => write(drawings[i]!, path));
  } else {
    const { renderHtml } = await import('../views/map/html.js');
    const { printPdf, screenshot } = await import('./browser.js');
    if (flags.format === 'pdf') {
      await writeOutput(flags.output!, await printPdf(browser!, renderHtml(map, { fileLabel })));
    } else {
      // One page per persona: a document each, drawn alone.
      const pages = map.personas.map((persona) => renderHtml({ ...map, personas: [persona], general: [] }, { fileLabel, exportPage: true }));
      const one = async (path: string, i: number) => writeOutput(path, await screenshot(browser!, pages[i]!, PNG_WINDOW));
      if (pages.length === 1) await one(flags.output!, 0);
      else await perPersona('png', pages, one);
    }
  }
  return inputErrors ? 2 : 0;
}

/** missing-stage's ignoreStages (a list for every persona, or lists by persona name) as a lookup by persona. */
function ignoredStagesOf(options: unknown): ((persona: string) => ReadonlySet<string>) | undefined {
  const ignore = (options as { ignoreStages?: string[] | Record<string, string[]> } | undefined)?.ignoreStages;
  if (ignore === undefined) return undefined;
  if (Array.isArray(ignore)) {
    const all = new Set(ignore);
    return () => all;
  }
  const byPersona = new Map(Object.entries(ignore).map(([name, ids]) => [foldKey(name), new Set(ids)]));
  return (persona) => byPersona.get(foldKey(persona)) ?? new Set();
}

/** Writes a whole output, atomically, and says so on stderr the same way for every file, through the terminal escaper. */
async function writeOutput(path: string, data: string | Buffer): Promise<void> {
  await ensureFolderOf('-o', path);
  await writeAtomically(path, (temporary) => writeFile(temporary, data, { flag: 'wx' })).catch((error: NodeJS.ErrnoException) => {
    throw new ConfigError(`-o ${path}: cannot be written (${error.code})`, { cause: error });
  });
  process.stderr.write(`${terminalLine(`journey: wrote ${path}`)}\n`);
}

async function write(text: string, file: string | undefined): Promise<void> {
  if (file === undefined) {
    // A closed pipe (journey map … | head) ends the output quietly.
    await new Promise<void>((resolve, reject) => process.stdout.write(text, (error) => (error && (error as NodeJS.ErrnoException).code !== 'EPIPE' ? reject(error) : resolve())));
    return;
  }
  await writeOutput(file, text);
}
