import { UNPLACED } from '../engine/overview.js';
import { reportPath } from '../engine/paths.js';
import type { FileOverview, PersonaOverview } from '../engine/result.js';
import { listAnd } from '../english.js';
import { commandSafe, markdownCode, markdownText, mermaidLabel, shorten } from '../escape.js';
import { type Finding, findingSentence } from '../model/schema.js';
import type { Formatter } from './types.js';
import { SEVERITY_LABEL, bySeverity, capitalized, findingCounts, findingTotal, placeOf, plural } from './wording.js';

/** A cell-derived name (persona, stage, channel, team, KPI, file) as markdown text, at most NAME_LIMIT long. */
const name = (text: string) => markdownText(shorten(text));

/** The persona's stages, then its unplaced touchpoints (stage unknown or not given) when it has any: every touchpoint is counted. */
const withUnplaced = (persona: PersonaOverview) => {
  // A persona read only from a timeline (no stage column) has no stages to show as gaps: its touchpoints are the one row.
  if (persona.unplaced && !hasStages(persona)) return [persona.unplaced];
  return persona.unplaced ? [...persona.stages, persona.unplaced] : persona.stages;
};

/** True when some touchpoint of the persona has a stage. */
const hasStages = (persona: PersonaOverview) => persona.stages.some((stage) => stage.touchpoints > 0);

const stageName = (label: Map<string, string>, stage: string) => (stage === UNPLACED ? '*Unplaced* (stage unknown or not given)' : name(label.get(stage) ?? stage));

function coverageMatrix(file: FileOverview, persona: PersonaOverview): string[] {
  const label = new Map(file.stages.map((s) => [s.id, s.label]));
  const head = `| Stage | ${file.channels.map((c) => name(c.label)).join(' | ')} | Total |`;
  const rule = `| --- | ${file.channels.map(() => '---:').join(' | ')} | ---: |`;
  const rows = withUnplaced(persona).map((stage) => {
    const cells = file.channels.map((c) => (stage.channels[c.id] ? String(stage.channels[c.id]) : '·'));
    const total = stage.touchpoints === 0 ? '**0 — gap**' : String(stage.touchpoints);
    return `| ${stageName(label, stage.stage)} | ${cells.join(' | ')} | ${total} |`;
  });
  return [head, rule, ...rows];
}

function stageTable(file: FileOverview, persona: PersonaOverview): string[] {
  const label = new Map(file.stages.map((s) => [s.id, s.label]));
  const rows = withUnplaced(persona).map((s) => {
    const teams = s.teams.length ? s.teams.map(name).join(', ') : '—';
    const kpis = s.kpis.length ? s.kpis.map(name).join(', ') : '—';
    const days = s.firstDay === null ? '—' : s.firstDay === s.lastDay ? `${s.firstDay}` : `${s.firstDay}–${s.lastDay}`;
    return `| ${stageName(label, s.stage)} | ${s.touchpoints} | ${teams} | ${s.inbound} / ${s.outbound} | ${s.automatic} / ${s.manual} / ${s.ongoing} | ${days} | ${kpis} |`;
  });
  return ['| Stage | Touchpoints | Teams | Inbound / outbound | Automatic / manual / ongoing | Days | KPIs |', '| --- | ---: | --- | --- | --- | --- | --- |', ...rows];
}

/** A journey-map grid's pain points and opportunities per stage, or nothing when the persona's stages have none. */
function stageNotes(file: FileOverview, persona: PersonaOverview): string[] {
  const label = new Map(file.stages.map((s) => [s.id, s.label]));
  const stages = persona.stages.filter((s) => s.painPoints?.length || s.opportunities?.length);
  if (stages.length === 0) return [];
  const list = (items: string[] | undefined) => (items?.length ? items.map(name).join(' · ') : '—');
  return [
    '### Pain points and opportunities', '',
    '| Stage | Pain points | Opportunities |', '| --- | --- | --- |',
    ...stages.map((s) => `| ${name(label.get(s.stage) ?? s.stage)} | ${list(s.painPoints)} | ${list(s.opportunities)} |`),
    '',
  ];
}

/** The handoff timeline as a mermaid flowchart: stages in order, their teams and days, lags marked. */
function timeline(file: FileOverview, persona: PersonaOverview, lags: Set<string>): string[] {
  const label = new Map(file.stages.map((s) => [s.id, s.label]));
  const id = new Map(persona.stages.map((s, i) => [s.stage, `s${i}`]));
  const lines = ['```mermaid', 'flowchart LR'];
  for (const stage of persona.stages) {
    // Each part escaped on its own: the <br/> between them is ours, the only HTML in the label.
    const parts = [label.get(stage.stage) ?? stage.stage];
    if (stage.touchpoints === 0) parts.push('no touchpoints');
    else {
      if (stage.teams.length) parts.push(stage.teams.map((team) => shorten(team)).join(', '));
      if (stage.firstDay !== null) parts.push(stage.firstDay === stage.lastDay ? `day ${stage.firstDay}` : `days ${stage.firstDay}–${stage.lastDay}`);
    }
    lines.push(`  ${id.get(stage.stage)}["${parts.map((part) => mermaidLabel(shorten(part))).join('<br/>')}"]${stage.touchpoints === 0 ? ':::gap' : ''}`);
  }
  const lagLinks: number[] = [];
  persona.handoffs.forEach((h, i) => {
    const lag = lags.has(`${persona.persona}\u0000${h.toStage}\u0000${h.toTouchpoint}`);
    const teams = h.changesTeam ? `: ${shorten(h.fromTeam ?? '')} → ${shorten(h.toTeam ?? '')}` : '';
    const gap = h.days < 0 ? `overlaps by ${plural(-h.days, 'day')}` : plural(h.days, 'day');
    const text = `${lag ? '⚠ ' : ''}${gap}${teams}`;
    lines.push(`  ${id.get(h.fromStage)} -->|"${mermaidLabel(text)}"| ${id.get(h.toStage)}`);
    if (lag) lagLinks.push(i);
  });
  lines.push('  classDef gap stroke-dasharray: 5 5,color:#999');
  if (lagLinks.length) lines.push(`  linkStyle ${lagLinks.join(',')} stroke:#d73a49,stroke-width:3px`);
  lines.push('```');
  return lines;
}

function findingsByStage(result: Parameters<Formatter>[0], cwd: string): string[] {
  const stages = result.overviews?.[0]?.stages ?? [];
  const label = new Map(stages.map((s) => [s.id, s.label]));
  const groups = new Map<string, Finding[]>();
  for (const stage of stages) groups.set(stage.id, []);
  for (const finding of result.findings) {
    const key = finding.stage !== null && groups.has(finding.stage) ? finding.stage : '';
    const group = groups.get(key);
    if (group) group.push(finding);
    else groups.set(key, [finding]);
  }
  const multipleFiles = result.files.length > 1;
  const lines: string[] = [];
  for (const [stage, findings] of groups) {
    if (findings.length === 0) continue;
    lines.push(`### ${stage === '' ? 'Whole inventory' : name(label.get(stage) ?? stage)}`, '');
    lines.push(`| Severity | ${multipleFiles ? 'File | ' : ''}Cell | Finding | Suggested action |`, `| --- | ${multipleFiles ? '--- | ' : ''}--- | --- | --- |`);
    for (const finding of bySeverity(findings)) {
      const file = multipleFiles ? `${name(reportPath(finding.location.file, cwd))} | ` : '';
      lines.push(`| ${SEVERITY_LABEL[finding.severity]} | ${file}${markdownCode(shorten(placeOf(finding.location)))} | ${markdownText(finding.message)} (\`${finding.ruleId}\`) | ${markdownText(capitalized(finding.fix)) || '—'} |`);
    }
    lines.push('');
  }
  return lines;
}

/** The markdown gap report: summary, per-persona coverage, stages and handoff timeline, findings by stage, action items. */
export const formatReport: Formatter = (result, options) => {
  const overviews = result.overviews ?? [];
  const personas = overviews.flatMap((file) => file.personas.map((p) => p.persona));
  const read = result.files.filter((f) => f.error === null);
  const { summary } = result;
  const total = findingTotal(summary);
  const lines = ['# Communication inventory gap report', ''];
  const inventories = read.map((f) => markdownCode(shorten(reportPath(f.file, options.cwd))));
  lines.push(
    `journey read ${read.length === 1 ? '1 inventory' : `${read.length} inventories`} (${listAnd(inventories)}) with ${plural(personas.length, 'persona')}${personas.length ? ` (${listAnd(personas.map(name))})` : ''} and ${plural(summary.touchpoints, 'touchpoint')}, and found ${total === 0 ? 'no gaps' : findingCounts(summary)}.` +
      (summary.ignored ? ` ${plural(summary.ignored, 'finding')} accepted in the config's ignore list or by journey-ignore notes ${summary.ignored === 1 ? 'is' : 'are'} left out.` : ''),
  );
  const top = bySeverity(result.findings).filter((f) => f.severity !== 'info').slice(0, 3);
  if (top.length) {
    lines.push('', top.length === 1 ? 'The most serious gap:' : `The ${top.length} most serious gaps:`, '');
    top.forEach((f, i) => lines.push(`${i + 1}. ${markdownText(findingSentence(f))} (${markdownCode(shorten(placeOf(f.location)))})`));
  }
  for (const file of result.files) if (file.error !== null) lines.push('', `> ✖ Not read: ${markdownText(file.error)}`);

  const lags = new Set(result.findings.filter((f) => f.ruleId === 'handoff-lag').map((f) => `${f.persona}\u0000${f.stage}\u0000${f.touchpoint}`));
  for (const file of overviews) {
    for (const persona of file.personas) {
      lines.push('', `## ${name(persona.persona)}${overviews.length > 1 ? ` (${name(reportPath(file.file, options.cwd))})` : ''}`, '');
      const staged = hasStages(persona) || persona.unplaced === null;
      lines.push('### Coverage by stage and channel', '', staged ? 'Counts of touchpoints; `·` is a channel not used in that stage, **0 — gap** a stage with no touchpoint.' : 'No touchpoint has a stage (a timeline, or stages journey could not read), so there are no stage gaps to show: counts by channel.', '');
      lines.push(...coverageMatrix(file, persona), '');
      lines.push('### Stages', '', ...stageTable(file, persona), '');
      lines.push(...stageNotes(file, persona));
      if (staged) {
        lines.push('### Handoff timeline', '', 'Stages in order with their teams and days; arrows give the days between one stage\'s last touchpoint and the next one\'s first, ⚠ marks a handoff lag.', '');
        lines.push(...timeline(file, persona, lags));
      }
      const journey = options.journeys?.get(`${file.file}\u0000${persona.persona}`);
      if (journey !== undefined) {
        const intro = journey.startsWith('![')
          ? 'The journey map\'s overview, written beside this report (`journey map` draws it as a page to present or print).'
          : 'Touchpoints by stage as a Mermaid journey: the score is how the customer feels (1–5, from sentiment, NPS and CSAT; 3 without data), the actors are the owning teams. `journey map` draws the full map.';
        lines.push('', '### Journey', '', intro, '');
        lines.push(...(journey.startsWith('journey') ? ['```mermaid', journey, '```'] : [journey]));
      }
    }
  }
  if (result.findings.length) {
    lines.push('', '## Findings by stage', '');
    // A loop, not push(...) (docs/design.md, Output is streamed).
    for (const line of findingsByStage(result, options.cwd)) lines.push(line);
    lines.push('## Action items', '');
    for (const f of bySeverity(result.findings)) lines.push(`- [ ] ${f.severity === 'info' ? 'Consider: ' : ''}${markdownText(findingSentence(f))} (${markdownCode(shorten(placeOf(f.location)))}, \`${f.ruleId}\`)`);
  }
  return commandSafe(`${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`);
};
