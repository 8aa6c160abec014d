import { markdownText, plainText, shorten } from '../../escape.js';
import type { Figures, MeasureFinding, MeasureResult } from '../../measure/result.js';
import { plural } from '../../english.js';

const count = (n: number) => n.toLocaleString('en-US');
const pct = (value: number | null | undefined) => (value === null || value === undefined ? '–' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`);
const hours = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : value >= 48 ? `${(value / 24).toFixed(1)} d` : `${value.toFixed(1)} h`;
const route = (steps: string[]) => (steps.length === 0 ? '(no touchpoint)' : steps.join(' → '));
const day = (iso: string | null) => (iso === null ? '–' : iso.replace('T', ' ').replace(/:\d\d\.\d{3}Z$/, ' UTC'));

/** Where a finding is, as the audit's outputs name cells: file, sheet!cell. */
export function findingPlace(finding: MeasureFinding): string {
  const { file, sheet, cell } = finding.location;
  return `${file}${sheet ? ` ${sheet}!${cell ?? ''}` : cell ? ` ${cell}` : ''}`;
}

/** The lines every text output says first: what was read, what was left out and why. */
function readingLines(result: MeasureResult): string[] {
  const lines = [
    `${result.file}: ${count(result.events)} events of ${count(result.users)} users, ${day(result.first)} to ${day(result.last)}`,
    `columns: user "${result.columns.user}", time "${result.columns.time}", event "${result.columns.event}"${result.columns.segment ? `, segment "${result.columns.segment}"` : ''}`,
  ];
  for (const exclusion of result.excluded)
    lines.push(
      `left out: ${plural(exclusion.rows, 'row').replace(/^\d+/, count(exclusion.rows))} ${exclusion.reason}${exclusion.example ? ` (e.g. "${shorten(exclusion.example, 60)}")` : ''}`,
    );
  for (const note of result.notes) lines.push(`note: ${note}`);
  return lines;
}

function pad(text: string, width: number, right = false): string {
  const cut = shorten(text, width);
  return right ? cut.padStart(width) : cut.padEnd(width);
}

/** The terminal report: touchpoints, funnel, top routes, segments, the inventory join and its findings. */
export function measureStylish(result: MeasureResult): string {
  const out: string[] = [...readingLines(result).map(plainText), ''];
  out.push(...figuresLines(result, result));
  if (result.segments) {
    out.push(
      `Segments by "${plainText(result.segments.column)}" (${result.segments.count} values${result.segments.count > result.segments.values.length ? `, the ${result.segments.values.length} largest shown` : ''})`,
    );
    for (const segment of result.segments.values) {
      out.push(
        `  ${plainText(pad(segment.value || '(no value)', 28))} ${pad(count(segment.figures.users), 8, true)} users ${pad(pct(segment.share), 7, true)}${segmentFunnel(segment.figures, segment.rest)}`,
      );
    }
    out.push('');
  }
  if (result.inventory) {
    const inv = result.inventory;
    out.push(`Inventory ${plainText(inv.file)}: ${inv.matched} of ${inv.planned} planned touchpoints reached`);
    if (inv.unreached.length > 0) out.push(`  unreached: ${plainText(inv.unreached.join(', '))}`);
    if (inv.unplannedEvents.length > 0)
      out.push(
        `  unplanned events: ${plainText(
          inv.unplannedEvents
            .slice(0, 10)
            .map((e) => `${e.event} (${count(e.users)} users)`)
            .join(', '),
        )}${inv.unplannedCount > 10 ? ` and ${inv.unplannedCount - 10} more` : ''}`,
      );
    out.push('');
  }
  if (result.findings.length > 0) {
    for (const finding of result.findings)
      out.push(plainText(`${finding.severity.padEnd(8)} ${findingPlace(finding)}  ${finding.message}; ${finding.fix}  ${finding.ruleId}`));
    out.push('');
  }
  const { errors, warnings, infos } = result.summary;
  out.push(
    result.findings.length === 0
      ? result.inventory
        ? 'No findings.'
        : 'Measured (pass --inventory to check it against the plan).'
      : `${errors} errors, ${warnings} warnings, ${infos} infos`,
  );
  return `${out.join('\n')}\n`;
}

function segmentFunnel(segment: Figures, rest: Figures): string {
  const last = segment.funnel?.[segment.funnel.length - 1];
  const restLast = rest.funnel?.[rest.funnel.length - 1];
  if (!last || !restLast) return '';
  return `  funnel ${pct(last.conversion)} (everyone else ${pct(restLast.conversion)})`;
}

function figuresLines(result: MeasureResult, figures: Pick<Figures, 'touchpoints' | 'variants' | 'funnel' | 'users'>): string[] {
  const out: string[] = [];
  const conversion = result.goal !== null;
  out.push(
    `${pad('Touchpoint', 32)} ${pad('Users', 9, true)} ${pad('Share', 7, true)} ${pad('Drop-off', 9, true)}${conversion ? ` ${pad('Converts', 9, true)}` : ''} ${pad('To next', 9, true)}`,
  );
  for (const tp of figures.touchpoints) {
    const mark = tp.goal ? ' (goal)' : tp.planned === false ? ' (unplanned)' : '';
    out.push(
      plainText(
        `${pad(tp.name + mark, 32)} ${pad(count(tp.users), 9, true)} ${pad(pct(tp.share), 7, true)} ${pad(pct(tp.dropOff), 9, true)}${conversion ? ` ${pad(pct(tp.conversion), 9, true)}` : ''} ${pad(hours(tp.medianHoursToNext), 9, true)}`,
      ),
    );
  }
  out.push('');
  if (figures.funnel) {
    out.push(`Funnel${result.window ? ` within ${result.window}` : ''}`);
    figures.funnel.forEach((step, i) => {
      const extra = i === 0 ? '' : `  ${pct(step.fromPrevious)} of the previous step, median ${hours(step.medianHoursFromPrevious)} after it`;
      const stops =
        step.dropped > 0 || step.open > 0 ? `  (${count(step.dropped)} stop here${step.open > 0 ? `, ${count(step.open)} still within the window` : ''})` : '';
      out.push(plainText(`  ${i + 1}. ${pad(step.step, 28)} ${pad(count(step.users), 9, true)} ${pad(pct(step.conversion), 7, true)}${extra}${stops}`));
    });
    out.push('');
  }
  out.push(`Routes: ${count(figures.variants.count)} variants`);
  for (const variant of figures.variants.top)
    out.push(plainText(`  ${pad(count(variant.users), 9, true)} ${pad(pct(variant.share), 7, true)}  ${shorten(route(variant.steps), 200)}`));
  if (figures.variants.other.users > 0)
    out.push(
      `  ${pad(count(figures.variants.other.users), 9, true)} ${pad(pct(figures.variants.other.share), 7, true)}  other routes (${count(figures.variants.other.variants)} variants)`,
    );
  out.push('');
  return out;
}

const md = (text: string) => markdownText(text);

function markdownFigures(result: MeasureResult, figures: Pick<Figures, 'touchpoints' | 'variants' | 'funnel' | 'users'>, level: string): string[] {
  const out: string[] = [];
  const conversion = result.goal !== null;
  out.push(
    `${level} Touchpoints`,
    '',
    `| Touchpoint | Users | Share | Drop-off |${conversion ? ' Conversion |' : ''} Median to next |`,
    `| --- | ---: | ---: | ---: |${conversion ? ' ---: |' : ''} ---: |`,
  );
  for (const tp of figures.touchpoints)
    out.push(
      `| ${md(tp.name)}${tp.goal ? ' (goal)' : ''} | ${count(tp.users)} | ${pct(tp.share)} | ${pct(tp.dropOff)} |${conversion ? ` ${pct(tp.conversion)} |` : ''} ${hours(tp.medianHoursToNext)} |`,
    );
  out.push('');
  if (figures.funnel) {
    out.push(
      `${level} Funnel${result.window ? ` within ${md(result.window)}` : ''}`,
      '',
      '| Step | Users | Conversion | From previous | Median from previous | Stop here | Window open |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    figures.funnel.forEach((step, i) =>
      out.push(
        `| ${i + 1}. ${md(step.step)} | ${count(step.users)} | ${pct(step.conversion)} | ${pct(step.fromPrevious)} | ${hours(step.medianHoursFromPrevious)} | ${count(step.dropped)} | ${count(step.open)} |`,
      ),
    );
    out.push('');
  }
  out.push(`${level} Routes`, '', `${count(figures.variants.count)} variants.`, '', '| Users | Share | Route |', '| ---: | ---: | --- |');
  for (const variant of figures.variants.top) out.push(`| ${count(variant.users)} | ${pct(variant.share)} | ${md(shorten(route(variant.steps), 400))} |`);
  if (figures.variants.other.users > 0)
    out.push(
      `| ${count(figures.variants.other.users)} | ${pct(figures.variants.other.share)} | other routes (${count(figures.variants.other.variants)} variants) |`,
    );
  out.push('');
  return out;
}

/** The markdown report, for a pull request or a wiki. */
export function measureMarkdown(result: MeasureResult): string {
  const out: string[] = [`# Measured journey: ${md(result.file)}`, '', ...readingLines(result).map((line) => `- ${md(line)}`), ''];
  out.push(...markdownFigures(result, result, '##'));
  if (result.segments) {
    out.push(
      `## Segments by ${md(result.segments.column)}`,
      '',
      '| Segment | Users | Share | Funnel conversion | Everyone else |',
      '| --- | ---: | ---: | ---: | ---: |',
    );
    for (const segment of result.segments.values) {
      const last = segment.figures.funnel?.at(-1);
      const restLast = segment.rest.funnel?.at(-1);
      out.push(
        `| ${md(segment.value || '(no value)')} | ${count(segment.figures.users)} | ${pct(segment.share)} | ${pct(last?.conversion)} | ${pct(restLast?.conversion)} |`,
      );
    }
    out.push('');
  }
  if (result.inventory) {
    const inv = result.inventory;
    out.push('## Against the inventory', '', `${inv.matched} of ${inv.planned} planned touchpoints are reached.`, '');
    if (inv.unreached.length > 0) out.push(`Unreached: ${inv.unreached.map(md).join(', ')}.`, '');
    if (inv.unplannedEvents.length > 0) {
      out.push('| Unplanned event | Users | Share |', '| --- | ---: | ---: |');
      for (const event of inv.unplannedEvents) out.push(`| ${md(event.event)} | ${count(event.users)} | ${pct(event.share)} |`);
      if (inv.unplannedCount > inv.unplannedEvents.length) out.push(`| and ${inv.unplannedCount - inv.unplannedEvents.length} more | | |`);
      out.push('');
    }
  }
  if (result.findings.length > 0) {
    out.push('## Findings', '', '| Severity | Where | Finding | Rule |', '| --- | --- | --- | --- |');
    for (const finding of result.findings)
      out.push(`| ${finding.severity} | ${md(findingPlace(finding))} | ${md(`${finding.message}; ${finding.fix}`)} | ${finding.ruleId} |`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
