import { plural } from '../../english.js';
import { DIFF_FIELDS, FIELD_BY_ID, RATE_FIELDS } from '../../model/fields.js';
import type { ComparedField, DiffSummary, FieldChange, StageCoverage } from './schema.js';
import { SEVERITIES } from '../../vocab/severity.js';

// A field's label, and whether its figure is a rate (shown as a percentage), from the field catalogue.
const LABEL: ReadonlyMap<ComparedField, string> = new Map(DIFF_FIELDS.map((entry) => [entry.name, entry.label]));
const RATES: ReadonlySet<ComparedField> = new Set(
  DIFF_FIELDS.filter(({ field }) => RATE_FIELDS.some(([rate]) => rate === field) || FIELD_BY_ID[field].metric === 'csat').map((entry) => entry.name),
);

const percent = (rate: number) => `${Number((rate * 100).toFixed(1))}%`;
const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);

/**
 * A field change in words, e.g. "ownership passed from Sales to Customer Success" or "timing moved 7 days
 * earlier (day 44 → 37)". `text` escapes cell values for the output (terminal or markdown).
 */
export function describeChange(change: FieldChange, text: (value: string) => string): string {
  const { field, before, after, delta } = change;
  const show = (value: string | number | null): string => {
    if (value === null) return 'none';
    if (typeof value === 'number') return RATES.has(field) ? percent(value) : String(Number(value.toFixed(2)));
    return text(value);
  };
  const arrow = `${show(before)} → ${show(after)}`;
  switch (field) {
    case 'stage':
      return `moved from ${arrow.replace(' → ', ' to ')}`;
    case 'team':
      return before === null
        ? `owned by ${show(after)} (no team before)`
        : after === null
          ? `no team any more (was ${show(before)})`
          : `ownership passed from ${show(before)} to ${show(after)}`;
    case 'mode':
      if (before === 'manual' && after === 'automatic') return `automated (${arrow})`;
      if (before === 'automatic' && after === 'manual') return `no longer automated (${arrow})`;
      return `mode ${arrow}`;
    case 'day':
      if (delta === null) return `day ${arrow}`;
      return `timing moved ${plural(Math.abs(delta), 'day')} ${delta > 0 ? 'later' : 'earlier'} (day ${arrow})`;
    default:
      if (delta !== null && RATES.has(field)) return `${LABEL.get(field)} ${arrow} (${signed(Number((delta * 100).toFixed(1)))} pts)`;
      if (delta !== null && field !== 'sentiment') return `${LABEL.get(field)} ${arrow} (${signed(Number(delta.toFixed(2)))})`;
      return `${LABEL.get(field)} ${arrow}`;
  }
}

/** "2 → 3" when a count changed, else "3". */
export function beforeAfter(before: number | string, after: number | string): string {
  return before === after ? String(after) : `${before} → ${after}`;
}

/** The channels of a stage before → after: kept ones plainly, "+SMS" gained, "−Email" lost. */
export function channelChanges(before: StageCoverage, after: StageCoverage, text: (value: string) => string): string {
  const kept = after.channels.filter((c) => before.channels.includes(c)).map(text);
  const gained = after.channels.filter((c) => !before.channels.includes(c)).map((c) => `+${text(c)}`);
  const lost = before.channels.filter((c) => !after.channels.includes(c)).map((c) => `−${text(c)}`);
  return [...kept, ...gained, ...lost].join(', ') || '–';
}

/** One line saying whether the after version makes the journey better or worse. */
export function verdict(summary: DiffSummary): { worse: boolean; line: string } {
  const severities = (counts: DiffSummary['introducedBySeverity']) =>
    SEVERITIES.filter((s) => counts[s] > 0)
      .map((s) => plural(counts[s], s))
      .join(', ');
  const touchpoints = [
    summary.added && `${summary.added} added`,
    summary.removed && `${summary.removed} removed`,
    summary.renamed && `${summary.renamed} renamed`,
    summary.changed && `${summary.changed} changed`,
  ].filter(Boolean);
  const what = touchpoints.length ? `touchpoints ${touchpoints.join(', ')}` : 'no touchpoint changed';
  const resolved = summary.findingsResolved
    ? `resolves ${plural(summary.findingsResolved, 'finding')} (${severities(summary.resolvedBySeverity)})`
    : 'resolves no finding';
  if (summary.findingsIntroduced > 0)
    return {
      worse: true,
      line: `Introduces ${plural(summary.findingsIntroduced, 'finding')} (${severities(summary.introducedBySeverity)}) and ${resolved}; ${what}.`,
    };
  return { worse: false, line: `No new findings; ${resolved}; ${what}.` };
}
