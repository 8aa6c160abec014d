import { UNPLACED } from '../engine/overview.js';
import { reportPath } from '../engine/paths.js';
import type { FileOverview, PersonaOverview } from '../engine/result.js';
import { listAnd } from '../english.js';
import { commandSafe, markdownCode, markdownText, shorten } from '../escape.js';
import { type Finding, findingSentence } from '../model/schema.js';
import { findRule } from '../rules/index.js';
import type { Formatter, PlanChanges } from './types.js';
import { findingCounts, findingTotal, placeOf, plural } from './wording.js';
import { MARKUP_MARKER } from '../marker.js';

/** A cell-derived name (persona, stage, channel, team, KPI, file) as markdown text, at most NAME_LIMIT long. */
const name = (text: string) => markdownText(shorten(text));

/** Most gaps the summary ranks; the rest are under their persona. */
const TOP_GAPS = 5;
/** Most data-hygiene findings listed one by one; the rest are counted (audit --format markdown lists them all). */
const HYGIENE_LISTED = 8;
/** Most findings of one plan section ("resolves", "introduces") listed; the rest are counted. */
const PLAN_LISTED = 6;

/** True for a finding about the inventory's data (a typo, a blank row), not a gap in the journey. */
const isHygiene = (finding: Finding) => findRule(finding.ruleId)?.hygiene === true;

const SEVERITY_RANK = { error: 3, warning: 2, info: 1 } as const;

/**
 * How much a gap matters, for ranking across personas: its severity, what its rule weighs for the
 * customer (left alone, then struggling, then advice), how early it comes (an early gap loses the
 * customers every later stage would have had), then how many touchpoints it touches.
 */
function impactOrder(stageIndex: ReadonlyMap<string, number>) {
  const weight = (f: Finding) => findRule(f.ruleId)?.weight ?? 2;
  const reach = (f: Finding) => Math.min(5, 1 + f.related.length);
  const early = (f: Finding) => (f.stage === null ? stageIndex.size / 2 : (stageIndex.get(f.stage) ?? stageIndex.size));
  return (a: Finding, b: Finding) =>
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || weight(b) - weight(a) || early(a) - early(b) || reach(b) - reach(a);
}

/** A finding as one list item: its sentence and its cell (and the file, when the report covers several), and whether the plan resolves it. */
function item(finding: Finding, cwd: string, multipleFiles: boolean, resolved: ReadonlySet<string> = new Set()): string {
  const where = multipleFiles ? `${reportPath(finding.location.file, cwd)} › ${placeOf(finding.location)}` : placeOf(finding.location);
  const plan = resolved.has(finding.fingerprint) ? ' *The planned rows resolve it.*' : '';
  return `${finding.severity === 'info' ? 'Consider: ' : ''}${markdownText(findingSentence(finding))} (${markdownCode(shorten(where))})${plan}`;
}

/** The persona's stages, then its unplaced touchpoints when it has any: every touchpoint is counted. */
function rowsOf(persona: PersonaOverview) {
  const staged = persona.stages.some((stage) => stage.touchpoints > 0);
  // A persona read only from a timeline (no stage column) has no stages to show as gaps: its touchpoints are the one row.
  if (persona.unplaced && !staged) return [persona.unplaced];
  return persona.unplaced ? [...persona.stages, persona.unplaced] : persona.stages;
}

/** Stages by channel, only the channels this persona meets; an empty stage is a gap unless ignoreStages lists it (then it is not shown). */
function coverageMatrix(file: FileOverview, persona: PersonaOverview): string[] {
  const label = new Map(file.stages.map((s) => [s.id, s.label]));
  const rows = rowsOf(persona);
  const used = new Set(rows.flatMap((stage) => Object.keys(stage.channels)));
  const channels = file.channels.filter((c) => used.has(c.id));
  const stageName = (stage: string) => (stage === UNPLACED ? '*Unplaced* (stage unknown or not given)' : name(label.get(stage) ?? stage));
  return [
    `| Stage | ${channels.map((c) => name(c.label)).join(' | ')}${channels.length ? ' | ' : ''}Teams | Total |`,
    `| --- | ${channels.map(() => '---:').join(' | ')}${channels.length ? ' | ' : ''}--- | ---: |`,
    ...rows.map((stage) => {
      const cells = channels.map((c) => (stage.channels[c.id] ? String(stage.channels[c.id]) : '·'));
      const teams = stage.teams.length ? stage.teams.map(name).join(', ') : '—';
      return `| ${stageName(stage.stage)} | ${cells.join(' | ')}${cells.length ? ' | ' : ''}${teams} | ${stage.touchpoints === 0 ? '**0 — gap**' : stage.touchpoints} |`;
    }),
  ];
}

/** A journey-map grid's pain points and opportunities per stage, or nothing when the persona's stages have none. */
function stageNotes(file: FileOverview, persona: PersonaOverview): string[] {
  const label = new Map(file.stages.map((s) => [s.id, s.label]));
  const stages = persona.stages.filter((s) => s.painPoints?.length || s.opportunities?.length);
  if (stages.length === 0) return [];
  const list = (items: string[] | undefined) => (items?.length ? items.map(name).join(' · ') : '—');
  return [
    '',
    '### Pain points and opportunities',
    '',
    '| Stage | Pain points | Opportunities |',
    '| --- | --- | --- |',
    ...stages.map((s) => `| ${name(label.get(s.stage) ?? s.stage)} | ${list(s.painPoints)} | ${list(s.opportunities)} |`),
  ];
}

/** Most quotes the report prints per stage; the overview keeps a few more for other readers. */
const QUOTES_PER_STAGE = 3;

/** What interviewees said per stage (--answers): how many, how many felt negative, their mean feeling and the most negative quotes; nothing without answers. */
function interviewNotes(file: FileOverview, persona: PersonaOverview): string[] {
  const label = new Map(file.stages.map((s) => [s.id, s.label]));
  const stages = persona.stages.filter((s) => s.interviews !== undefined);
  if (stages.length === 0) return [];
  const lines = ['', '### What interviewees said', ''];
  for (const stage of stages) {
    const { interviewees, answered, quoted, negative, score, quotes } = stage.interviews!;
    const mean = score === null ? '' : `, mean feeling ${score > 0 ? '+' : ''}${score}`;
    // The mean and the negative count are of those who gave a feeling; say so when some only gave a quote.
    const felt = answered === interviewees ? plural(answered, 'interviewee') : `${plural(answered, 'interviewee')} (${interviewees} gave a feeling)`;
    lines.push(`- **${name(label.get(stage.stage) ?? stage.stage)}**: ${felt}, ${negative} negative${mean}`);
    for (const quote of quotes.slice(0, QUOTES_PER_STAGE)) {
      const who = [quote.interviewee, quote.touchpoint]
        .filter((part): part is string => part !== null && part !== '')
        .map(name)
        .join(', ');
      lines.push(`  - “${markdownText(shorten(quote.quote))}”${who ? ` (${who})` : ''}`);
    }
    if (quoted > QUOTES_PER_STAGE) lines.push(`  - and ${plural(quoted - QUOTES_PER_STAGE, 'more quote')} in the answers sheet`);
  }
  lines.push('');
  return lines;
}

/**
 * "What the plan changes", as `journey diff --planned` computes it: how many of today's findings the
 * planned rows resolve (each is marked where it is printed) and the findings they would introduce.
 */
function planSection(plans: readonly [string, PlanChanges][], cwd: string, multipleFiles: boolean): string[] {
  const lines: string[] = [];
  for (const [file, plan] of plans) {
    if (plan.planned === 0) continue;
    const of = multipleFiles ? ` of ${markdownCode(shorten(reportPath(file, cwd)))}` : '';
    const resolved =
      plan.resolved.length === 0
        ? "resolve none of today's findings"
        : `resolve ${plural(plan.resolved.length, 'finding')} of today's (marked *The planned rows resolve it.*)`;
    lines.push(
      `The ${plural(plan.planned, 'planned row')}${of} would ${resolved} and introduce ${plan.introduced.length === 0 ? 'none' : plan.introduced.length}${plan.introduced.length ? ':' : '.'}`,
    );
    if (plan.introduced.length) {
      lines.push('');
      for (const f of plan.introduced.slice(0, PLAN_LISTED))
        lines.push(`- ${f.persona !== null ? `**${name(f.persona)}**: ` : ''}${item(f, cwd, multipleFiles)}`);
      if (plan.introduced.length > PLAN_LISTED) lines.push(`- and ${plan.introduced.length - PLAN_LISTED} more (\`journey diff --planned\` lists them)`);
    }
    lines.push('');
  }
  return lines.length ? ['', '## What the plan changes', '', ...lines] : [];
}

/**
 * The markdown gap report a team reads (about two printed pages for a trial-sized workbook): the gaps
 * ranked by impact across personas, what the plan changes, per persona its coverage and its other gaps,
 * and data hygiene apart. Each finding is printed once; `journey audit --format markdown` lists them all in a table.
 */
export const formatReport: Formatter = (result, options) => {
  const overviews = result.overviews ?? [];
  const personas = overviews.flatMap((file) => file.personas.map((p) => p.persona));
  const read = result.files.filter((f) => f.error === null);
  const multipleFiles = result.files.length > 1;
  const { summary } = result;
  const total = findingTotal(summary);
  const lines = ['# Communication inventory gap report', ''];
  const inventories = read.map((f) => markdownCode(shorten(reportPath(f.file, options.cwd))));
  const plans = [...(options.plans ?? new Map<string, PlanChanges>())];
  const resolved = new Set(plans.flatMap(([, plan]) => plan.resolved.map((f) => f.fingerprint)));
  const planned = plans.reduce((sum, [, plan]) => sum + plan.planned, 0);
  const state =
    options.state === 'future'
      ? ' It judges the journey as planned: live and planned rows.'
      : planned > 0
        ? ` It judges today's journey: the ${plural(planned, 'planned row')} are left out of every finding (see What the plan changes).`
        : '';
  lines.push(
    read.length === 0
      ? `journey read no inventory: ${result.files.length === 1 ? 'the one input was' : `none of the ${result.files.length} inputs was`} read, so this report has no journey to judge.`
      : `journey read ${read.length === 1 ? '1 inventory' : `${read.length} inventories`} (${listAnd(inventories)}) with ${plural(personas.length, 'persona')}${personas.length ? ` (${listAnd(personas.map(name))})` : ''} and ${plural(summary.touchpoints, 'touchpoint')}, and found ${total === 0 ? 'no gaps' : findingCounts(summary)}.` +
          state +
          (summary.ignored
            ? ` ${plural(summary.ignored, 'finding')} accepted in the config's ignore list or by journey-ignore notes ${summary.ignored === 1 ? 'is' : 'are'} left out.`
            : ''),
  );
  for (const file of result.files) if (file.error !== null) lines.push('', `> ✖ Not read: ${markdownText(file.error)}`);

  const stageIndex = new Map((overviews[0]?.stages ?? []).map((s, i) => [s.id, i]));
  const gaps = result.findings.filter((f) => !isHygiene(f)).sort(impactOrder(stageIndex));
  const hygiene = result.findings.filter(isHygiene);
  const top = gaps.filter((f) => f.severity !== 'info').slice(0, TOP_GAPS);
  const shown = new Set<Finding>(top);
  if (top.length) {
    lines.push('', '## The most serious gaps', '');
    top.forEach((f, i) => lines.push(`${i + 1}. ${f.persona !== null ? `**${name(f.persona)}**: ` : ''}${item(f, options.cwd, multipleFiles, resolved)}`));
  }
  // A loop, not push(...): a huge inventory's sections are long (docs/design.md, Output is streamed).
  for (const line of planSection(plans, options.cwd, multipleFiles)) lines.push(line);

  for (const file of overviews) {
    for (const persona of file.personas) {
      lines.push('', `## ${name(persona.persona)}${overviews.length > 1 ? ` (${name(reportPath(file.file, options.cwd))})` : ''}`, '');
      lines.push(...coverageMatrix(file, persona), ...stageNotes(file, persona), ...interviewNotes(file, persona));
      const own = gaps.filter((f) => !shown.has(f) && f.persona === persona.persona && (!multipleFiles || f.location.file === file.file));
      if (own.length) {
        lines.push('');
        for (const f of own) {
          shown.add(f);
          lines.push(`- ${item(f, options.cwd, multipleFiles, resolved)}`);
        }
      }
      const journey = options.journeys?.get(`${file.file}\u0000${persona.persona}`);
      if (journey !== undefined) lines.push('', ...(journey.startsWith('journey') ? ['```mermaid', journey, '```'] : [journey]));
    }
  }
  const rest = gaps.filter((f) => !shown.has(f));
  if (rest.length) {
    lines.push('', '## Whole inventory', '');
    for (const f of rest) lines.push(`- ${item(f, options.cwd, multipleFiles, resolved)}`);
  }
  if (hygiene.length) {
    const counts = new Map<string, number>();
    for (const f of hygiene) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
    lines.push(
      '',
      '## Data hygiene',
      '',
      `${plural(hygiene.length, 'finding')} about the inventory's data rather than the journey (${[...counts].map(([rule, count]) => `${count} \`${rule}\``).join(', ')}):`,
      '',
    );
    for (const f of hygiene.slice(0, HYGIENE_LISTED)) lines.push(`- ${item(f, options.cwd, multipleFiles, resolved)}`);
    if (hygiene.length > HYGIENE_LISTED) lines.push(`- and ${hygiene.length - HYGIENE_LISTED} more: \`journey audit --format markdown\` lists every finding.`);
  }
  return commandSafe(
    `${lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd()}\n\n${MARKUP_MARKER}`,
  );
};
