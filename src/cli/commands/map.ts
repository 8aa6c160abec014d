// `journey map`: the visual journey map, drawn from the inventory with its findings.
import { writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { Option, type Command } from 'commander';
import { ConfigError } from '../../errors.js';
import { audit } from '../../engine/audit.js';
import { loadOptions } from '../../engine/load-options.js';
import { ignoredStages } from '../../engine/ignored-stages.js';
import { reportPath } from '../../engine/paths.js';
import type { Finding, JourneyModel } from '../../model/schema.js';
import { nearest } from '../../model/text.js';
import { MAP_TYPES, buildJourneyMap, type LaneKind, type MapSource, type MapType } from '../../views/map/layout.js';
import { EXIT, exitCode } from '../exit.js';
import { answersOption, metricsOption, type InputFlags, inputOptions } from '../flags.js';
import { findBrowser } from '../browser.js';
import { emit, ensureFolderOf, writeAtomically } from '../outputs.js';
import { outputOf, readInputs } from '../prologue.js';
import { announceWritten } from '../written.js';

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

export function registerMap(program: Command): void {
  inputOptions(
    metricsOption(
      answersOption(
        program
          .command('map')
          .description(
            'draw the journey map: one page per persona (HTML, SVG, PNG, PDF or Mermaid) with stages, touchpoints by channel, the emotion curve, pains, opportunities, KPIs and handoffs',
          )
          .argument('<files...>', 'inventory files or folders')
          .addOption(new Option('--type <type>', 'which map').choices(MAP_TYPES).default('current'))
          .addOption(
            new Option('--lanes <kind>', 'detail, blueprint and day maps: one lane per channel or per team').choices(['channel', 'team']).default('channel'),
          )
          .addOption(new Option('--format <name>', 'output format').choices(MAP_FORMATS).default('html'))
          .option('--persona <name>', 'draw only this persona')
          .option('--browser <path>', 'Chromium, Chrome or Edge program for --format png and pdf (default: $CHROME_PATH, else the first found)'),
      ),
    ),
  ).action(async (files: string[], flags: MapFlags) => {
    process.exitCode = await runMap(files, flags);
  });
}

/** A persona name as a file-name part: letters, digits and dashes. */
function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[^\w-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 60) || 'persona'
  );
}

/** Audits the inputs, draws the map and writes it; 0 when written, 2 for input and usage errors. */
async function runMap(files: string[], flags: MapFlags): Promise<number> {
  if (!SUPPORTED[flags.format].includes(flags.type)) {
    throw new ConfigError(
      `--type ${flags.type} is not yet supported with --format ${flags.format} (it is with: ${SUPPORTED[flags.format].join(', ')}; --format html draws every type)`,
    );
  }
  const toTerminal = flags.output === undefined && process.stdout.isTTY === true;
  if ((flags.format === 'png' || flags.format === 'pdf') && flags.output === undefined) {
    throw new ConfigError(`--format ${flags.format} writes a file: give it with -o map.${flags.format}`);
  }
  const browser = flags.format === 'png' || flags.format === 'pdf' ? findBrowser(flags.browser, flags.format) : null;
  if (toTerminal && flags.format !== 'mermaid') {
    throw new ConfigError(`refusing to write ${flags.format.toUpperCase()} to a terminal; write it to a file with -o map.${flags.format} and open that`);
  }
  const audited: { file: string; model: JourneyModel; findings: Finding[] }[] = [];
  // Each file the map writes is checked against what the run read before it is written (an SVG per persona is named later, by guard).
  // The future map draws the planned journey with its findings; every other map judges today's rows, as audit and report do.
  const state = flags.type === 'future' ? 'future' : 'current';
  const { result, configs, guard } = await readInputs(files, { ...flags, state }, { outputs: outputOf(flags) }, (inputs, settings) =>
    audit(inputs, { ...settings, onModel: (file, model, findings) => audited.push({ file, model, findings }) }),
  );
  const sources: MapSource[] = [];
  for (const { file, model, findings } of audited) {
    const config = await configs.forFile(file === flags.stdinFilename && files.includes('-') ? null : file);
    const option = (id: string, key: string): number | null => {
      const setting = config.rules.find((r) => r.rule.id === id);
      return setting && setting.level !== 'off' ? ((setting.options as Record<string, number>)[key] ?? null) : null;
    };
    sources.push({
      file,
      model,
      findings,
      handoffLimit: option('handoff-lag', 'maxDays'),
      weeklyLimit: option('over-communication', 'maxPerWeek'),
      ignoredStages: ignoredStages(config),
      loadOptions: loadOptions(config),
    });
  }
  const map = buildJourneyMap(sources, { type: flags.type, lanes: flags.lanes, persona: flags.persona ?? null });
  if (flags.persona !== undefined && map.personas.length === 0 && sources.length > 0) {
    const names = sources.flatMap((s) => s.model.personas.map((p) => p.name));
    const near = nearest(flags.persona, names);
    throw new ConfigError(
      `--persona: no persona "${flags.persona}"${near ? `; did you mean "${near}"?` : ''} (the inventory has ${names.map((n) => `"${n}"`).join(', ') || 'none'})`,
    );
  }
  if (sources.length === 0) return EXIT.usage;
  const fileLabel = (file: string) => reportPath(file);
  const { personaLabels } = await import('../../views/map/html.js');
  const labels = personaLabels(map, fileLabel);

  const perPersona = async (extension: string, count: number, writeOne: (path: string, i: number) => Promise<void>) => {
    if (flags.output === undefined)
      throw new ConfigError(
        `--format ${flags.format} draws one ${extension.toUpperCase()} per persona (${count} here): give -o map.${extension} to write map-<persona>.${extension} files, or choose one with --persona`,
      );
    const base = join(dirname(flags.output), basename(flags.output, extname(flags.output)));
    const used = new Set<string>();
    for (let i = 0; i < count; i++) {
      let name = `${base}-${slug(map.personas[i]!.persona)}`;
      while (used.has(name)) name += `-${i + 1}`;
      used.add(name);
      await guard({ option: '-o', path: `${name}.${extension}` });
      await writeOne(`${name}.${extension}`, i);
    }
  };

  if (flags.format === 'html') {
    const { renderHtml } = await import('../../views/map/html.js');
    await written(renderHtml(map, { fileLabel }), flags.output);
  } else if (flags.format === 'mermaid') {
    const { renderMermaid } = await import('../../views/map/mermaid.js');
    await written(renderMermaid(map, labels), flags.output);
  } else if (flags.format === 'svg') {
    const { renderSvg } = await import('../../views/map/svg.js');
    const { overviewSvg } = await import('../../views/map/overview-svg.js');
    const { isOverview } = await import('../../views/map/html.js');
    const drawings = map.personas.map((persona, i) =>
      isOverview(map.type)
        ? overviewSvg(persona, { title: labels[i]!, future: map.type === 'future', idPrefix: persona.key, file: fileLabel(persona.file) }, true)
        : renderSvg(persona, map, labels[i]!),
    );
    if (drawings.length === 1) await written(drawings[0]!, flags.output);
    else await perPersona('svg', drawings.length, (path, i) => written(drawings[i]!, path));
  } else {
    const { renderHtml } = await import('../../views/map/html.js');
    const { printPdf, screenshot } = await import('../browser.js');
    if (flags.format === 'pdf') {
      await writeBytes(flags.output!, await printPdf(browser!, renderHtml(map, { fileLabel })));
    } else {
      // One page per persona: a document each, drawn alone.
      const pages = map.personas.map((persona) => renderHtml({ ...map, personas: [persona], general: [] }, { fileLabel, exportPage: true }));
      const one = async (path: string, i: number) => writeBytes(path, await screenshot(browser!, pages[i]!, PNG_WINDOW));
      if (pages.length === 1) await one(flags.output!, 0);
      else await perPersona('png', pages.length, one);
    }
  }
  return exitCode({ inputErrors: result.summary.inputErrors });
}

/** Writes a text output (or prints it without -o); emit says each file written on stderr, as every command does. */
async function written(text: string, file: string | undefined): Promise<void> {
  await emit(text, file);
}

/** Writes what the browser drew to its place, whole or not at all, and says so. */
async function writeBytes(path: string, bytes: Buffer): Promise<void> {
  await ensureFolderOf('-o', path);
  await writeAtomically(path, (temporary) => writeFile(temporary, bytes, { flag: 'wx' })).catch((error: NodeJS.ErrnoException) => {
    throw new ConfigError(`-o ${path}: cannot be written (${error.code})`, { cause: error });
  });
  announceWritten(path);
}
