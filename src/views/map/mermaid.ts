// Renders a JourneyMap as Mermaid `journey` diagrams (one per persona), which GitHub renders in markdown.
import { markdownText, mermaidJourneyText as m } from '../../escape.js';
import type { Finding, JourneyModel } from '../../model/schema.js';
import { buildJourneyMap, type JourneyMap, type MapCard, type PersonaMap } from './layout.js';
import { MARKUP_MARKER } from '../../marker.js';

/** A card's score on Mermaid's 1–5 scale: its emotion (-2..+2) plus 3, rounded; 3 (neutral) when it has no data. */
export function journeyScore(card: MapCard): number {
  return card.emotion === null ? 3 : Math.max(1, Math.min(5, Math.round(card.emotion + 3)));
}

// Words the journey grammar reads at the start of a line; a label starting with one gets its first letter escaped.
const KEYWORDS = /^(section|title|journey|acctitle|accdescr)/i;

/** A label that can start a line without being read as a keyword. */
function label(text: string): string {
  const escaped = m(text);
  return KEYWORDS.test(escaped) ? `#${escaped.codePointAt(0)};${escaped.slice(1)}` : escaped;
}

/** One persona's journey diagram (without a code fence): sections are stages, tasks touchpoints, actors teams. */
export function personaJourney(persona: PersonaMap, title: string): string {
  const lines = ['journey', `  title ${label(title)}`];
  persona.stages.forEach((stage, column) => {
    lines.push(`  section ${label(stage.gap ? `${stage.label} (gap: no touchpoint)` : stage.label)}`);
    const cards = persona.lanes.flatMap((lane) => lane.cells[column] ?? []).sort((a, b) => (a.day ?? Infinity) - (b.day ?? Infinity));
    // A stage with no touchpoint still needs a task for its section to be drawn.
    if (cards.length === 0) lines.push('    No touchpoint, gap: 3');
    for (const card of cards) {
      const badge = card.severity
        ? ` (${card.findings.length} ${card.severity === 'error' ? 'error' : card.severity === 'warning' ? 'warning' : 'info'}${card.findings.length === 1 ? '' : 's'})`
        : '';
      lines.push(`    ${label(`${card.name}${card.planned ? ' [planned]' : ''}${badge}`)}: ${journeyScore(card)}: ${label(card.team ?? 'No team')}`);
    }
  });
  return lines.join('\n');
}

/** Every persona's diagram in a ```mermaid fence, each under a heading: markdown for a README, wiki or report. */
export function renderMermaid(map: JourneyMap, labels: string[]): string {
  if (map.personas.length === 0) return '';
  return `${map.personas.map((persona, i) => `## ${markdownText(labels[i]!)}\n\n\`\`\`mermaid\n${personaJourney(persona, labels[i]!)}\n\`\`\`\n`).join('\n')}\n${MARKUP_MARKER}`;
}

/** Most touchpoints (tasks) a persona's journey diagram in the gap report shows; past about 20, Mermaid draws an illegible sliver. */
export const REPORT_JOURNEY_LIMIT = 20;

/**
 * The gap report's journey per persona of one file, into `into` by `file\u0000persona`: a diagram, or a
 * line saying why it was left out when the persona has more than REPORT_JOURNEY_LIMIT touchpoints.
 */
export function journeyDiagrams(file: string, model: JourneyModel, findings: Finding[], into: Map<string, string>): void {
  const counts = new Map<string, number>();
  const staged = new Set<string>();
  for (const t of model.touchpoints) {
    if (t.status !== 'planned') counts.set(t.persona, (counts.get(t.persona) ?? 0) + 1);
    if (t.stage !== null) staged.add(t.persona);
  }
  const small = (persona: string) => (counts.get(persona) ?? 0) <= REPORT_JOURNEY_LIMIT;
  // One map of the personas small enough to draw; the others are named with their size.
  const drawable = { ...model, touchpoints: model.touchpoints.filter((t) => small(t.persona)) };
  const map = buildJourneyMap([{ file, model: drawable, findings, handoffLimit: null, weeklyLimit: null }], {
    type: 'current',
    lanes: 'channel',
    persona: null,
  });
  const drawn = new Map(map.personas.map((p) => [p.persona, p]));
  for (const persona of model.personas) {
    const key = `${file}\u0000${persona.name}`;
    // A journey diagram is drawn by stage: a persona with none (a timeline) has nothing to draw there.
    if (!staged.has(persona.name))
      into.set(key, 'Left out: no touchpoint has a stage, and a journey diagram is drawn by stage; `journey map --type day` draws the timeline.');
    else if (!small(persona.name))
      into.set(
        key,
        `Left out: ${counts.get(persona.name)} touchpoints are more than a Mermaid journey shows legibly (${REPORT_JOURNEY_LIMIT}); written with \`-o report.md\`, the report links each persona's overview, and \`journey map\` draws it.`,
      );
    else into.set(key, personaJourney(drawn.get(persona.name)!, persona.name));
  }
}
