// `journey map`: the visual journey map, drawn from the inventory with its findings.
import { basename, dirname, extname, join } from 'node:path';
import { Option, type Command } from 'commander';
import { ConfigResolver } from '../config/load.js';
import { ConfigError } from '../errors.js';
import { audit, type AuditInput } from '../engine/audit.js';
import { reportPath } from '../engine/paths.js';
import type { Finding, JourneyModel } from '../model/schema.js';
import { nearest } from '../model/text.js';
import { MAP_TYPES, buildJourneyMap, type LaneKind, type MapSource, type MapType } from '../views/map/layout.js';
import type { InputFlags } from './flags.js';
import { expandInputs } from './inputs.js';
import { checkOutputs, writeFileAtomically } from './outputs.js';
import { announceWritten } from './written.js';

export const MAP_FORMATS = ['html', 'svg', 'mermaid'] as const;
type MapFormat = (typeof MAP_FORMATS)[number];

/** What each format can draw so far; the rest is refused with a usage error rather than drawn half. */
const SUPPORTED: Record<MapFormat, readonly MapType[]> = {
  html: MAP_TYPES,
  svg: ['current', 'future', 'blueprint'],
  mermaid: ['current', 'future'],
};

export interface MapFlags extends InputFlags {
  type: MapType;
  lanes: LaneKind;
  format: MapFormat;
  persona?: string;
}

/** Adds the map command's description, arguments and own options (the shared input options are added by main). */
export function defineMapCommand(command: Command): Command {
  return command
    .description('draw the journey map per persona (HTML, SVG or Mermaid): stages, lanes by channel or team, gaps, findings, emotion, handoffs')
    .argument('<files...>', 'inventory files or folders')
    .addOption(new Option('--type <type>', 'which map').choices(MAP_TYPES).default('current'))
    .addOption(new Option('--lanes <kind>', 'one lane per channel or per team').choices(['channel', 'team']).default('channel'))
    .addOption(new Option('--format <name>', 'output format').choices(MAP_FORMATS).default('html'))
    .option('--persona <name>', 'draw only this persona');
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
  if (toTerminal && flags.format !== 'mermaid') {
    throw new ConfigError(`refusing to write ${flags.format.toUpperCase()} to a terminal; write it to a file with -o map.${flags.format} and open that`);
  }
  const inputs: AuditInput[] = files.includes('-') ? [{ stream: process.stdin, name: flags.stdinFilename }] : [];
  const notes: string[] = [];
  inputs.push(...(await expandInputs(files.filter((file) => file !== '-'), notes)));
  for (const note of notes) process.stderr.write(`journey: note: ${note}\n`);
  const configs = new ConfigResolver(flags.config ?? null);
  const audited: { file: string; model: JourneyModel; findings: Finding[] }[] = [];
  const result = await audit(inputs, { configs, sheets: flags.sheet, readTimeoutSeconds: flags.readTimeout, onModel: (file, model, findings) => audited.push({ file, model, findings }) });
  const read = [...inputs.flatMap((input) => ('path' in input ? [input.path] : [])), ...configs.files()];
  // Each file the map writes is checked against what the run read before it is written (an SVG per persona is named later).
  const guard = (path: string | undefined) => checkOutputs(path === undefined ? [] : [{ option: '-o', path }], read, flags.force === true);
  await guard(flags.output);
  for (const file of result.files) if (file.error !== null) process.stderr.write(`journey: ${file.error}\n`);
  const sources: MapSource[] = [];
  for (const { file, model, findings } of audited) {
    const config = await configs.forFile(file === flags.stdinFilename && files.includes('-') ? null : file);
    const option = (id: string, key: string): number | null => {
      const setting = config.rules.find((r) => r.rule.id === id);
      return setting && setting.level !== 'off' ? ((setting.options as Record<string, number>)[key] ?? null) : null;
    };
    sources.push({ file, model, findings, handoffLimit: option('handoff-lag', 'maxDays'), weeklyLimit: option('over-communication', 'maxPerWeek') });
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

  if (flags.format === 'html') {
    const { renderHtml } = await import('../views/map/html.js');
    await write(renderHtml(map, { fileLabel }), flags.output);
  } else if (flags.format === 'mermaid') {
    const { renderMermaid } = await import('../views/map/mermaid.js');
    await write(renderMermaid(map, labels), flags.output);
  } else {
    const { renderSvg } = await import('../views/map/svg.js');
    const drawings = map.personas.map((persona, i) => renderSvg(persona, map, labels[i]!));
    if (drawings.length === 1) await write(drawings[0]!, flags.output);
    else if (flags.output === undefined) throw new ConfigError(`--format svg draws one SVG per persona (${drawings.length} here): give -o map.svg to write map-<persona>.svg files, or choose one with --persona`);
    else {
      const output = flags.output;
      const base = join(dirname(output), basename(output, extname(output)));
      const used = new Set<string>();
      for (const [i, drawing] of drawings.entries()) {
        let name = `${base}-${slug(map.personas[i]!.persona)}`;
        while (used.has(name)) name += `-${i + 1}`;
        used.add(name);
        await guard(`${name}.svg`);
        await write(drawing, `${name}.svg`);
      }
    }
  }
  return inputErrors ? 2 : 0;
}

async function write(text: string, file: string | undefined): Promise<void> {
  if (file === undefined) {
    // A closed pipe (journey map … | head) ends the output quietly.
    await new Promise<void>((resolve, reject) => process.stdout.write(text, (error) => (error && (error as NodeJS.ErrnoException).code !== 'EPIPE' ? reject(error) : resolve())));
    return;
  }
  await writeFileAtomically('-o', file, text);
  announceWritten(file);
}
