// The gap report's picture of each persona's journey. Written to a file, the report links the overview
// SVG (journey map's page) saved beside it: markdown renderers (GitHub included) show an image file but
// strip an inline <svg>. To stdout, where no file can go beside it, a small journey (≤ 20 touchpoints)
// is a Mermaid journey, which GitHub draws; a larger one would be an illegible sliver, so a line says how
// to get the picture instead.
import { basename, dirname, extname, join } from 'node:path';
import { markdownText } from '../../escape.js';
import type { Finding, JourneyModel } from '../../model/schema.js';
import { buildJourneyMap } from './layout.js';
import { journeyDiagrams } from './mermaid.js';
import { overviewSvg } from './overview-svg.js';

/** An overview the report links, and the file it is to be written to. */
export interface ReportFigure {
  path: string;
  svg: string;
}

/** A name as a file-name part: letters, digits and dashes. */
export function fileSlug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[^\w-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 60) || 'persona'
  );
}

/** Where the report's figures go: `report.md` → `report-<persona>.svg` beside it, each name used once. */
export function figurePaths(report: string): (persona: string) => { path: string; href: string } {
  const base = basename(report, extname(report));
  const used = new Set<string>();
  return (persona) => {
    let name = `${base}-${fileSlug(persona)}`;
    for (let n = 2; used.has(name); n++) name = `${base}-${fileSlug(persona)}-${n}`;
    used.add(name);
    return { path: join(dirname(report), `${name}.svg`), href: `${encodeURIComponent(name)}.svg` };
  };
}

/**
 * Each persona's journey for the gap report, into `into` by `file\u0000persona` (markdown: an image link, a
 * Mermaid journey, or a line saying why there is none). With `figures`, the overviews to write beside the
 * report are added to it; without, the Mermaid journeys of up to 20 touchpoints are used.
 */
export function reportJourneys(
  inventory: { file: string; model: JourneyModel; findings: Finding[]; fileLabel: string },
  into: Map<string, string>,
  figures: { add: (figure: ReportFigure) => void; place: (persona: string) => { path: string; href: string } } | null,
): void {
  const { file, model, findings } = inventory;
  if (figures === null) {
    journeyDiagrams(file, model, findings, into);
    return;
  }
  const map = buildJourneyMap([{ file, model, findings, handoffLimit: null, weeklyLimit: null }], { type: 'current', lanes: 'channel', persona: null });
  const staged = new Set(model.touchpoints.flatMap((t) => (t.stage === null ? [] : [t.persona])));
  for (const persona of map.personas) {
    const key = `${file}\u0000${persona.persona}`;
    if (!staged.has(persona.persona)) {
      into.set(key, 'Left out: no touchpoint has a stage, and the overview is drawn by stage; `journey map --type day` draws the timeline.');
      continue;
    }
    const { path, href } = figures.place(persona.persona);
    figures.add({ path, svg: overviewSvg(persona, { title: persona.persona, future: false, idPrefix: persona.key, file: inventory.fileLabel }, true) });
    into.set(
      key,
      `![Journey map of ${markdownText(persona.persona)}: stages, touchpoints by channel, the emotion curve, pains, opportunities and KPIs](${href})`,
    );
  }
}
