import { describe, expect, it } from 'vitest';
import { InspectResultSchema } from '../../src/engine/inspect.js';
import { auditJson } from '../helpers/results.js';
import { journey } from '../helpers/cli.js';

/** Audits a shape fixture as a user would: the result, and each finding as "rule cell". */
function audit(file: string) {
  const run = journey(['audit', `fixtures/shapes/${file}`, '--format', 'json']);
  expect(run.stderr).toBe('');
  const result = auditJson(run.stdout);
  return { code: run.code, result, found: result.findings.map((f) => `${f.ruleId} ${f.location.cell ?? f.location.sheet ?? f.location.file}`) };
}

const inspect = (file: string) => InspectResultSchema.parse(JSON.parse(journey(['inspect', `fixtures/shapes/${file}`, '--format', 'json']).stdout)).files[0]!;

describe('a timeline with no stage column (an onboarding drip)', () => {
  it('is read as a timeline: the stage checks are skipped with one note, the day checks run', () => {
    const { code, result, found } = audit('onboarding-drip.csv');
    expect(code).toBe(0);
    expect(result.files[0]!.touchpoints).toBe(10);
    expect(result.files[0]!.sheets[0]!.columns).toEqual({ day: 'A', touchpoint: 'B', channel: 'C', team: 'D' });
    expect(found.filter((f) => f.startsWith('no-stage-column'))).toHaveLength(1);
    expect(found).toEqual(expect.arrayContaining(['over-communication B2', 'silent-stretch A10', 'handoff-lag A10', 'handoff-lag A11']));
    for (const rule of ['missing-stage', 'one-way-stage', 'unknown-value', 'invalid-value', 'missing-kpi']) expect(found.join('\n')).not.toContain(rule);
  });
});

describe('timings written in the stage column', () => {
  it('reads "Day 0", "Week 1", "Month 1" and "Ongoing" as the timeline, not as unknown stages', () => {
    const { code, result, found } = audit('timings-as-stages.csv');
    expect(code).toBe(0);
    expect(result.files[0]!.touchpoints).toBe(7);
    expect(result.files[0]!.sheets[0]!.columns).toMatchObject({ day: 'A' });
    expect(found.join('\n')).not.toMatch(/unknown-value|invalid-value|missing-stage/);
    expect(found).toEqual(expect.arrayContaining(['no-stage-column fixtures/shapes/timings-as-stages.csv', 'silent-stretch A7']));
    const values = inspect('timings-as-stages.csv').tables[0]!.values.stage!.listed;
    expect(values).toContainEqual({ text: 'Week 2', read: ['day 7'], suggestion: null, count: 1 });
    expect(values).toContainEqual({ text: 'Ongoing', read: ['timing text'], suggestion: null, count: 1 });
  });
});

describe("a file's own stage model", () => {
  it("takes a hotel's service-design phases as the stages, in order, and says so once", () => {
    const { code, result, found } = audit('hotel-service-design.csv');
    expect(code).toBe(0);
    expect(found).toContain('stage-model-from-file A1');
    const model = inspect('hotel-service-design.csv').stageModel!;
    expect(model.source).toBe('file');
    expect(model.stages.map((s) => s.label)).toEqual(['Search', 'Booking', 'Payment', 'Pre-arrival', 'Check-in', 'Stay', 'Check-out']);
    // The stage checks work on them: a one-way stage, a handoff lag between phases; nothing about unknown stages.
    expect(found).toEqual(expect.arrayContaining(['one-way-stage A8', 'handoff-lag E8']));
    expect(found.join('\n')).not.toMatch(/unknown-value|missing-stage/);
    expect(result.findings.filter((f) => f.ruleId === 'missing-kpi')).toHaveLength(1);
  });

  it('takes a win-back ladder kept in a wiki page', () => {
    const { code, found } = audit('winback-ladder.md');
    expect(code).toBe(0);
    expect(found).toContain('stage-model-from-file fixtures/shapes/winback-ladder.md:7 › Stage');
    expect(inspect('winback-ladder.md').stageModel!.stages.map((s) => s.id)).toEqual(['at-risk', 'lapsed', 'dormant', 'lost']);
    expect(found).toEqual(
      expect.arrayContaining(['handoff-lag fixtures/shapes/winback-ladder.md:13 › Day', 'silent-stretch fixtures/shapes/winback-ladder.md:13 › Day']),
    );
  });

  it('reads a journey on the stage model its config names (acasl) without a note', () => {
    const { code, found } = audit('acasl/retail-journey.csv');
    expect(code).toBe(0);
    expect(found.join('\n')).not.toMatch(/stage-model-from-file|unknown-value|missing-stage/);
    const model = inspect('acasl/retail-journey.csv').stageModel!;
    expect(model).toMatchObject({ source: 'config', name: 'acasl' });
    expect(model.stages.map((s) => s.label)).toEqual(['Awareness', 'Consideration', 'Acquisition', 'Service', 'Loyalty']);
  });
});
