// `journey map`: the visual journey map, drawn from the inventory with its findings.
import { basename, dirname, extname, join } from 'node:path';
import { Option, type Command } from 'commander';
import { ConfigError } from '../../errors.js';
import { audit } from '../../engine/audit.js';
import { ignoredStages } from '../../engine/ignored-stages.js';
import { reportPath } from '../../engine/paths.js';
import type { Finding, JourneyModel } from '../../model/schema.js';
import { nearest } from '../../model/text.js';
import { MAP_TYPES, buildJourneyMap, type LaneKind, type MapSource, type MapType } from '../../views/map/layout.js';
import { EXIT, exitCode } from '../exit.js';
import { type InputFlags, inputOptions } from '../flags.js';
import { emit } from '../outputs.js';
import { outputOf, readInputs } from '../prologue.js';
import { say } from '../say.js';

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

export function registerMap(program: Command): void {
  inputOptions(
    program
      .command('map')
      .description('draw the journey map per persona (HTML, SVG or Mermaid): stages, lanes by channel or team, gaps, findings, emotion, handoffs')
      .argument('<files...>', 'inventory files or folders')
      .addOption(new Option('--type <type>', 'which map').choices(MAP_TYPES).default('current'))
      .addOption(new Option('--lanes <kind>', 'one lane per channel or per team').choices(['channel', 'team']).default('channel'))
      .addOption(new Option('--format <name>', 'output format').choices(MAP_FORMATS).default('html'))
      .option('--persona <name>', 'draw only this persona'),
  ).action(async (files: string[], flags: MapFlags) => {
    process.exitCode = await runMap(files, flags);
  });
}

/** A persona name as a file-name part: letters, digits and dashes. */
function slug(text: string): string {
  return text.normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 60) || 'persona';
}

/** Audits the inputs, draws the map and writes it; 0 when written, 2 for input and usage errors. */
async function runMap(files: string[], flags: MapFlags): Promise<number> {
  if (!SUPPORTED[flags.format].includes(flags.type)) {
    throw new ConfigError(`--type ${flags.type} is not yet supported with --format ${flags.format} (it is with: ${SUPPORTED[flags.format].join(', ')}; --format html draws every type)`);
  }
  const toTerminal = flags.output === undefined && process.stdout.isTTY === true;
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
    sources.push({ file, model, findings, handoffLimit: option('handoff-lag', 'maxDays'), weeklyLimit: option('over-communication', 'maxPerWeek'), ignoredStages: ignoredStages(config) });
  }
  const map = buildJourneyMap(sources, { type: flags.type, lanes: flags.lanes, persona: flags.persona ?? null });
  if (flags.persona !== undefined && map.personas.length === 0 && sources.length > 0) {
    const names = sources.flatMap((s) => s.model.personas.map((p) => p.name));
    const near = nearest(flags.persona, names);
    throw new ConfigError(`--persona: no persona "${flags.persona}"${near ? `; did you mean "${near}"?` : ''} (the inventory has ${names.map((n) => `"${n}"`).join(', ') || 'none'})`);
  }
  if (sources.length === 0) return EXIT.usage;
  const fileLabel = (file: string) => reportPath(file);
  const { personaLabels } = await import('../../views/map/html.js');
  const labels = personaLabels(map, fileLabel);

  if (flags.format === 'html') {
    const { renderHtml } = await import('../../views/map/html.js');
    await emit(renderHtml(map, { fileLabel }), flags.output);
  } else if (flags.format === 'mermaid') {
    const { renderMermaid } = await import('../../views/map/mermaid.js');
    await emit(renderMermaid(map, labels), flags.output);
  } else {
    const { renderSvg } = await import('../../views/map/svg.js');
    const drawings = map.personas.map((persona, i) => renderSvg(persona, map, labels[i]!));
    if (drawings.length === 1) await emit(drawings[0]!, flags.output);
    else if (flags.output === undefined) throw new ConfigError(`--format svg draws one SVG per persona (${drawings.length} here): give -o map.svg to write map-<persona>.svg files, or choose one with --persona`);
    else {
      const output = flags.output;
      const base = join(dirname(output), basename(output, extname(output)));
      const used = new Set<string>();
      for (const [i, drawing] of drawings.entries()) {
        let name = `${base}-${slug(map.personas[i]!.persona)}`;
        while (used.has(name)) name += `-${i + 1}`;
        used.add(name);
        await guard({ option: '-o', path: `${name}.svg` });
        await emit(drawing, `${name}.svg`);
        say(`wrote ${name}.svg`);
      }
    }
  }
  return exitCode({ inputErrors: result.summary.inputErrors });
}
