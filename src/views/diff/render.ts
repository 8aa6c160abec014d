import { Chalk } from 'chalk';
import { plural } from '../../english.js';
import { jsonStringify, markdownText, terminalLine } from '../../escape.js';
import { placeOf } from '../../formatters/wording.js';
import { type Finding, findingSentence } from '../../model/schema.js';
import type { DiffResult, FileDiff, TouchpointChange } from './schema.js';
import { beforeAfter, channelChanges, describeChange, verdict } from './wording.js';
import { MARKUP_MARKER } from '../../marker.js';

const SIGN: Record<TouchpointChange['kind'], string> = { added: '+', removed: '-', renamed: '~', changed: '~' };

/** The touchpoint changes of a file grouped by persona, personas in order of first change. */
function byPersona(file: FileDiff): [string, TouchpointChange[]][] {
  const groups = new Map<string, TouchpointChange[]>();
  for (const change of file.touchpoints) {
    const list = groups.get(change.persona);
    if (list) list.push(change);
    else groups.set(change.persona, [change]);
  }
  return [...groups];
}

/** A touchpoint change as one line of words: "renamed "A" → "B" (Onboarding): channel Email → SMS". */
function changeLine(change: TouchpointChange, text: (value: string) => string, name: (value: string) => string): string {
  const where = (stage: string | null) => (stage === null ? '' : ` (${text(stage)})`);
  const head =
    change.kind === 'added'
      ? `added ${name(change.after!.name)}${where(change.after!.stage)}`
      : change.kind === 'removed'
        ? `removed ${name(change.before!.name)}${where(change.before!.stage)}`
        : change.kind === 'renamed'
          ? `renamed ${name(change.before!.name)} → ${name(change.after!.name)}${where(change.before!.stage)}`
          : `changed ${name(change.after!.name)}${where(change.before!.stage)}`;
  const details = change.changes.map((c) => describeChange(c, text));
  return details.length ? `${head}: ${details.join('; ')}` : head;
}

const fileTitle = (file: FileDiff) =>
  file.before !== null && file.after !== null ? `${file.before} → ${file.after}` : file.before !== null ? `${file.before} (removed)` : `${file.after} (new)`;

/** The terminal rendering: per file, touchpoint changes per persona, findings resolved and introduced, coverage and handoff changes. */
export function formatDiffStylish(result: DiffResult, options: { color: boolean }): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const t = terminalLine;
  const name = (value: string) => `"${t(value)}"`;
  const color = { added: chalk.green, removed: chalk.red, renamed: chalk.yellow, changed: chalk.yellow };
  const lines: string[] = [];
  for (const file of result.files) {
    lines.push(chalk.underline(t(fileTitle(file))));
    for (const persona of file.personas.added) lines.push(`  ${chalk.green('+')} persona ${name(persona)} is new`);
    for (const persona of file.personas.removed) lines.push(`  ${chalk.red('-')} persona ${name(persona)} is gone`);
    for (const [persona, changes] of byPersona(file)) {
      lines.push(`  ${chalk.bold(t(persona))}`);
      for (const change of changes) lines.push(`    ${color[change.kind](SIGN[change.kind])} ${changeLine(change, t, name)}`);
    }
    const coverage = file.coverage.filter((c) => c.status !== 'same');
    if (coverage.length) {
      lines.push(`  ${chalk.bold('Coverage')}`);
      for (const c of coverage) {
        const mark = c.status === 'gained' ? chalk.green('gained') : c.status === 'lost' ? chalk.red('lost all coverage') : 'changed';
        lines.push(
          `    ${t(c.persona)} · ${t(c.stage)}: ${mark}; touchpoints ${beforeAfter(c.before.touchpoints, c.after.touchpoints)}, channels ${channelChanges(c.before, c.after, t)}, outbound/week ${beforeAfter(c.before.outboundPerWeek, c.after.outboundPerWeek)}, inbound paths ${beforeAfter(c.before.inboundPaths, c.after.inboundPaths)}`,
        );
      }
    }
    const handoffs = file.handoffs.filter((h) => h.before?.days !== h.after?.days);
    if (handoffs.length) {
      lines.push(`  ${chalk.bold('Handoffs')}`);
      for (const h of handoffs) {
        const lag = (side: typeof h.before) => (side === null ? 'none' : `${plural(side.days, 'day')} (${t(side.fromTeam ?? '?')} → ${t(side.toTeam ?? '?')})`);
        lines.push(`    ${t(h.persona)} · ${t(h.fromStage)} → ${t(h.toStage)}: ${lag(h.before)} → ${lag(h.after)}`);
      }
    }
    const finding = (f: Finding, mark: string) =>
      `    ${mark} ${f.severity.padEnd(7)} ${t(placeOf(f.location))}  ${t(findingSentence(f))}  ${chalk.dim(f.ruleId)}`;
    if (file.findings.resolved.length) {
      lines.push(`  ${chalk.bold(`Findings resolved (${file.findings.resolved.length})`)}`);
      for (const f of file.findings.resolved) lines.push(finding(f, chalk.green('✓')));
    }
    if (file.findings.introduced.length) {
      lines.push(`  ${chalk.bold(`Findings introduced (${file.findings.introduced.length})`)}`);
      for (const f of file.findings.introduced) lines.push(finding(f, chalk.red('✗')));
    }
    lines.push('');
  }
  const { worse, line } = verdict(result.summary);
  lines.push((worse ? chalk.red : chalk.green)(`${worse ? '✗' : '✓'} ${line}`));
  return `${lines.join('\n')}\n`;
}

/** Markdown for a pull-request comment: a one-line verdict, then collapsible sections. Every cell value is escaped. */
export function formatDiffMarkdown(result: DiffResult): string {
  const m = markdownText;
  const name = (value: string) => `**${m(value)}**`;
  const { worse, line } = verdict(result.summary);
  const s = result.summary;
  const out: string[] = [`### journey diff: ${m(result.before)} → ${m(result.after)}`, '', `${worse ? '⚠️' : '✅'} ${line}`, ''];
  const section = (summary: string, body: string[]) => {
    if (body.length === 0) return;
    out.push('<details>', `<summary>${summary}</summary>`, '', ...body, '', '</details>', '');
  };
  const many = result.files.length > 1;
  const fileHeading = (file: FileDiff) => (many ? [`#### ${m(fileTitle(file))}`, ''] : []);

  section(
    `Touchpoints: ${s.added} added, ${s.removed} removed, ${s.renamed} renamed, ${s.changed} changed, ${s.unchanged} unchanged`,
    result.files.flatMap((file) => {
      const body: string[] = [];
      for (const persona of file.personas.added) body.push(`- persona ${name(persona)} is new`);
      for (const persona of file.personas.removed) body.push(`- persona ${name(persona)} is gone`);
      if (body.length) body.push('');
      for (const [persona, changes] of byPersona(file)) {
        body.push(`**${m(persona)}**`, '');
        for (const change of changes) body.push(`- ${changeLine(change, m, name)}`);
        body.push('');
      }
      return body.length ? [...fileHeading(file), ...body] : [];
    }),
  );

  const findingRows = (findings: Finding[], status: string) =>
    findings.map((f) => `| ${status} | ${f.severity} | ${m(f.ruleId)} | ${m(placeOf(f.location))} | ${m(findingSentence(f))} |`);
  section(
    `Findings: ${s.findingsResolved} resolved, ${s.findingsIntroduced} introduced, ${s.findingsUnchanged} unchanged`,
    result.files.flatMap((file) => {
      const rows = [...findingRows(file.findings.introduced, 'introduced'), ...findingRows(file.findings.resolved, 'resolved')];
      return rows.length ? [...fileHeading(file), '| | severity | rule | where | finding |', '| --- | --- | --- | --- | --- |', ...rows, ''] : [];
    }),
  );

  section(
    `Coverage: ${plural(s.stagesGained, 'stage')} gained, ${s.stagesLost} lost`,
    result.files.flatMap((file) => {
      const rows = file.coverage.map((c) => {
        const status = c.status === 'gained' ? '🟢 gained' : c.status === 'lost' ? '🔴 lost' : c.status;
        return `| ${m(c.persona)} | ${m(c.stage)} | ${status} | ${beforeAfter(c.before.touchpoints, c.after.touchpoints)} | ${channelChanges(c.before, c.after, m)} | ${beforeAfter(c.before.outboundPerWeek, c.after.outboundPerWeek)} | ${beforeAfter(c.before.inboundPaths, c.after.inboundPaths)} |`;
      });
      return rows.length
        ? [
            ...fileHeading(file),
            '| persona | stage | | touchpoints | channels | outbound / week | inbound paths |',
            '| --- | --- | --- | --- | --- | --- | --- |',
            ...rows,
            '',
          ]
        : [];
    }),
  );

  const handoffCount = result.files.reduce((n, file) => n + file.handoffs.length, 0);
  section(
    `Handoffs: ${plural(handoffCount, 'team handoff')}`,
    result.files.flatMap((file) => {
      const lag = (side: FileDiff['handoffs'][number]['before']) =>
        side === null ? '–' : `${side.days} (${m(side.fromTeam ?? '?')} → ${m(side.toTeam ?? '?')})`;
      const rows = file.handoffs.map((h) => `| ${m(h.persona)} | ${m(h.fromStage)} → ${m(h.toStage)} | ${lag(h.before)} | ${lag(h.after)} |`);
      return rows.length ? [...fileHeading(file), '| persona | boundary | days before | days after |', '| --- | --- | --- | --- |', ...rows, ''] : [];
    }),
  );
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n\n${MARKUP_MARKER}`;
}

/** The diff as one JSON document (DiffResultSchema; the JSON Schema is journey-diff.schema.json). */
export function formatDiffJson(result: DiffResult): string {
  return `${jsonStringify(result, 2)}\n`;
}
