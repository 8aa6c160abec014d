// Renders a JourneyMap as Mermaid `journey` diagrams (one per persona), which GitHub renders in markdown.
import { escapeMarkdown, escapeMermaid as m } from './escape.js';
import type { JourneyMap, MapCard, PersonaMap } from './layout.js';

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
      const badge = card.severity ? ` (${card.findings.length} ${card.severity === 'error' ? 'error' : card.severity === 'warning' ? 'warning' : 'info'}${card.findings.length === 1 ? '' : 's'})` : '';
      lines.push(`    ${label(`${card.name}${card.planned ? ' [planned]' : ''}${badge}`)}: ${journeyScore(card)}: ${label(card.team ?? 'No team')}`);
    }
  });
  return lines.join('\n');
}

/** Every persona's diagram in a ```mermaid fence, each under a heading: markdown for a README, wiki or report. */
export function renderMermaid(map: JourneyMap, labels: string[]): string {
  if (map.personas.length === 0) return '';
  return `${map.personas.map((persona, i) => `## ${escapeMarkdown(labels[i]!)}\n\n\`\`\`mermaid\n${personaJourney(persona, labels[i]!)}\n\`\`\`\n`).join('\n')}`;
}
