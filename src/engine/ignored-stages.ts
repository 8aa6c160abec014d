import type { ResolvedConfig } from '../config/resolve.js';
import { ignoredStagesOf } from '../rules/missing-stage.js';

const NONE: ReadonlySet<string> = new Set();

/** The stages a config says a persona does not meet (missing-stage's ignoreStages), for the report and the map; none when the rule is off. */
export function ignoredStages(config: ResolvedConfig): (persona: string) => ReadonlySet<string> {
  const setting = config.rules.find((r) => r.rule.id === 'missing-stage');
  if (!setting || setting.level === 'off') return () => NONE;
  return ignoredStagesOf((setting.options as { ignoreStages: string[] | Record<string, string[]> }).ignoreStages);
}
