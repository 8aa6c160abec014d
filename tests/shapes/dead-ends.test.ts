import { describe, expect, it } from 'vitest';
import { journey } from '../helpers/cli.js';
import { auditShape, ruleIds } from '../helpers/shapes.js';

// Fixtures written by scripts/fixtures/dead-ends.mjs.
const DIR = 'fixtures/shapes/dead-ends';

/** The words of a command line as a POSIX shell splits them (single quotes only, as journey writes them). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (char === "'") {
      const end = line.indexOf("'", i + 1);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (char === '\\') {
      word = (word ?? '') + line[++i];
    } else if (char === ' ') {
      if (word !== null) words.push(word);
      word = null;
    } else word = (word ?? '') + char;
  }
  if (word !== null) words.push(word);
  return words;
}

/** The `journey measure` command an event log's refusal suggests, as arguments. */
function suggestedMeasure(stderr: string): string[] {
  const line = /run: journey (measure .*?) \(add --inventory/.exec(stderr)?.[1];
  expect(line, stderr).toBeDefined();
  return shellWords(line!);
}

describe('shape: never a dead end', () => {
  it.each([
    ['crm-export.csv', '500 rows for 211 customers, 2026-01-05 to 2026-03-29 (user "Contact", time "Interaction Date", event "Touchpoint Type")'],
    ['segment-export.csv', '40 rows for 9 customers, 2026-01-05 to 2026-01-14 (user "anonymousId", time "timestamp", event "event")'],
    ['claims-process.csv', '31 rows for 8 customers, 2026-01-05 to 2026-01-22 (user "Case", time "Start", event "Activity")'],
    ['account-activity.csv', '6 rows for 3 customers, 2026-02-01 to 2026-02-05 (user "Ref", time "When", event "What happened")'],
    ['crm-activities.csv', '48 rows for 15 customers, 2025-01-10 to 2025-06-27 (user "Record ID", time "Activity date", event "Activity type")'],
  ])('refuses the event log %s with whole-file counts and a journey measure command that runs', (file, counts) => {
    const { code, stderr } = auditShape(`${DIR}/${file}`);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      new RegExp(
        `^journey: ${DIR}/${file}: looks like an event log, one row per customer event: (?:\\d+ )?${counts.replace(/[()]/g, '\\$&')}; journey reads inventories`,
      ),
    );
    const measured = journey(suggestedMeasure(stderr));
    expect(measured.stderr).toBe('');
    expect(measured.code).toBe(0);
    expect(measured.stdout).toMatch(/ events of \d+ users/);
  });

  it('reads a dated send plan whose owners repeat as e-mail addresses: an inventory, not a log', () => {
    const { code, result } = auditShape(`${DIR}/dated-plan.csv`);
    expect(code).toBe(0);
    expect(result!.summary.touchpoints).toBe(5);
    expect(ruleIds(result!)).not.toContain('invalid-value');
  });

  it('names a campaign metrics export as one', () => {
    const { code, stderr } = auditShape(`${DIR}/campaign-report.csv`);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `journey: ${DIR}/campaign-report.csv: looks like a campaign metrics export, one row per campaign send with what the e-mail tool counted: 26 rows, 2026-01-05 to 2026-06-29 (Title, Send Date, Total Recipients, Unique Opens, Open Rate, Unique Clicks); journey reads inventories, one row per touchpoint (Stage, Touchpoint, Channel...); such figures belong in an inventory as columns of the touchpoints they measure (Sent, Opens, Clicks, Unsubscribes)\n`,
    );
  });

  it('names every sheet of a workbook it looked at, with what each looked like', () => {
    const { code, stderr } = auditShape(`${DIR}/crm-workbook.xlsx`);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`journey: ${DIR}/crm-workbook.xlsx: is not a communication inventory: none of its 3 sheets is one: `);
    expect(stderr).toContain('sheet "Events": looks like an event log, one row per customer event: 60 rows for 17 customers');
    expect(stderr).toContain("save sheet \"Events\" as CSV and run: journey measure Events.csv --user 'Customer ID' --time 'Occurred at' --event Event");
    expect(stderr).toContain('sheet "Campaigns": looks like a campaign metrics export, one row per campaign send with what the e-mail tool counted: 8 rows');
    expect(stderr).toContain('sheet "Notes": no header row with the columns journey looks for in the first 30 rows');
  });

  it('reads a folder whose other markdown is docs, noting each file it passed over, and exits clean', () => {
    const { code, stderr } = journey(['audit', `${DIR}/folder-clean`, '--format', 'json']);
    expect(code).toBe(0);
    expect(stderr.trim().split('\n')).toEqual([
      `journey: note: skipped ${DIR}/folder-clean/README.md: it has no markdown table`,
      `journey: note: skipped ${DIR}/folder-clean/docs/analytics.md: looks like an event log, one row per customer event: 12 rows for 3 customers, 2025-12-08 (user "user_pseudo_id", time "event_timestamp", event "event_name"); journey reads inventories, one row per touchpoint (Stage, Touchpoint, Channel...). To measure the journey in it, save the table under "Analytics export" as CSV and run: journey measure 'Analytics export.csv' --user user_pseudo_id --time event_timestamp --event event_name (add --inventory with your inventory to set it against its touchpoints)`,
      `journey: note: skipped ${DIR}/folder-clean/docs/journey-template.md: no inventory yet: its table (Stage, Customer actions, Touchpoints, Feelings) has a header and no rows under it`,
      `journey: note: skipped ${DIR}/folder-clean/docs/options.md: no inventory: its table at line 3 under "Options" has no touchpoint column with a stage, day or channel column`,
    ]);
  });

  it('fails a folder run on a markdown table that looks like an inventory but cannot be read, and says so', () => {
    const { code, stdout, stderr } = journey(['audit', `${DIR}/folder-refused`, '--format', 'compact']);
    expect(code).toBe(2);
    const lines = stderr.trim().split('\n');
    expect(lines[0]).toBe(`journey: note: skipped ${DIR}/folder-refused/README.md: it has no markdown table`);
    expect(lines[1]).toMatch(
      /^journey: fixtures\/shapes\/dead-ends\/folder-refused\/gates\.md \[sheet "Launch gates"\] row 3: is not a communication inventory: the header \(Item, Notes, Gate\) has no stage, day, channel or frequency column/,
    );
    expect(lines).toHaveLength(2);
    expect(stdout).toMatch(/1 file could not be read/);
  });

  it('writes no report over inputs that were all refused, and exits 2 with the refusals', () => {
    const { code, stdout, stderr } = journey(['report', `${DIR}/folder-none`]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/folder-none\/events\.csv: looks like an event log/);
    expect(lines[1]).toMatch(/folder-none\/gates\.md \[sheet "Launch gates"\] row 3: is not a communication inventory/);
    expect(lines[2]).toBe('journey: no report written: none of the 2 inputs was read as an inventory (see above)');
  });

  it('reads merged ranges as the author meant them: a header over two columns, a stage merged down, a divider across, a name merged into the empty cell beside it', () => {
    const { code, result } = auditShape(`${DIR}/merged-ranges.xlsx`);
    expect(code).toBe(0);
    const [journeySheet, ideas] = result!.files[0]!.sheets;
    expect(journeySheet!.columns).toEqual({ stage: 'A', touchpoint: 'B', day: 'C', channel: 'E', team: 'F' });
    expect(journeySheet!.sections).toEqual([{ row: 5, text: 'FUTURE STATE (H2 plan)', kind: 'planned' }]);
    // A divider merged across a two-column sheet is a section, not a touchpoint called "Backlog".
    expect(ideas!.sections).toEqual([{ row: 3, text: 'Backlog', kind: 'planned' }]);
    // Today's journey: the three onboarding rows under the merged stage, and the idea before the backlog.
    expect(result!.summary.touchpoints).toBe(4);
    // No second Timing column, no renewal reminder read as a timing, no unknown channel "Backlog".
    expect(ruleIds(result!)).not.toEqual(expect.arrayContaining(['duplicate-header']));
    const future = journey(['audit', `${DIR}/merged-ranges.xlsx`, '--state', 'future', '--format', 'json']);
    const findings = JSON.parse(future.stdout).findings as { ruleId: string; location: { cell: string | null } }[];
    expect(findings.filter((f) => ['duplicate-header', 'invalid-value', 'unknown-value', 'timing-text', 'blank-header'].includes(f.ruleId))).toEqual([]);
    const model = JSON.parse(journey(['inspect', `${DIR}/merged-ranges.xlsx`, '--format', 'json']).stdout);
    expect(model.files[0].error).toBeNull();
  });

  it('reads tables under stage headings as inventories, though they have no stage, day or channel column', () => {
    const { code, result } = auditShape(`${DIR}/blueprint-by-stage.md`);
    expect(code).toBe(0);
    expect(result!.summary.touchpoints).toBe(3);
    expect(result!.findings.find((f) => f.ruleId === 'stage-model-from-file')?.message).toMatch(/Discovery & Research → Design/);
  });
});
