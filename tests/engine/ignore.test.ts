import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { enabledRules, runRules } from '../../src/engine/run.js';
import { applyIgnores } from '../../src/engine/ignore.js';
import { missingStage } from '../../src/rules/missing-stage.js';
import { HEADER, check, model } from '../helpers/inventory.js';

const rows = [
  HEADER,
  ['Buyer', 'Decision', 'Demo', 'Sales', 'Video call', 'Manual', 'Outbound', 10, 'Once'],
  ['Admin', 'Onboarding', 'Setup guide', 'Product', 'Knowledge base', 'Ongoing', 'Inbound', 20, ''],
];

const missing = (config: unknown) => {
  const resolved = resolveConfig(ConfigSchema.parse(config));
  const findings = runRules(model(rows), enabledRules(resolved), resolved.settings, '2026-11-25');
  return applyIgnores(findings, resolved.ignore, null)
    .kept.filter((f) => f.ruleId === 'missing-stage')
    .map((f) => `${f.persona}/${f.stage}`);
};

describe('ignore entries by persona and stage', () => {
  it('leave out one persona, or one stage of one persona, and nothing else', () => {
    const all = missing({});
    expect(all).toContain('Buyer/onboarding');
    expect(all).toContain('Admin/decision');
    const noBuyer = missing({ ignore: [{ personas: ['buyer'], reason: 'Buyers are handled by partners' }] });
    expect(noBuyer.filter((f) => f.startsWith('Buyer/'))).toEqual([]);
    expect(noBuyer.filter((f) => f.startsWith('Admin/'))).toEqual(all.filter((f) => f.startsWith('Admin/')));
    const buyerOnboarding = missing({ ignore: [{ personas: ['Buyer'], stages: ['onboarding'], reason: 'Partners onboard buyers' }] });
    expect(buyerOnboarding).toEqual(all.filter((f) => f !== 'Buyer/onboarding'));
  });

  it('refuse a stage the stage model does not have', () => {
    expect(() => resolveConfig(ConfigSchema.parse({ ignore: [{ stages: ['onbording'], reason: 'x' }] }))).toThrow(
      'ignore[0].stages[0]: no stage "onbording"; did you mean "onboarding"?',
    );
  });
});

describe('missing-stage ignoreStages per persona', () => {
  it('takes a list for everyone or lists by persona name', () => {
    const stages = (options: Record<string, unknown>) => check(missingStage, model(rows), options).map((r) => `${r.persona}/${r.stage}`);
    const all = stages({});
    expect(stages({ ignoreStages: ['advocacy'] }).some((f) => f.endsWith('/advocacy'))).toBe(false);
    const perPersona = stages({ ignoreStages: { buyer: ['onboarding', 'advocacy'] } });
    expect(perPersona).toEqual(all.filter((f) => f !== 'Buyer/onboarding' && f !== 'Buyer/advocacy'));
    expect(perPersona).toContain('Admin/advocacy');
  });
});
