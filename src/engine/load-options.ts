import type { ResolvedConfig } from '../config/resolve.js';
import { DEFAULT_LOAD, type LoadOptions, LoadOptionsSchema } from '../model/weekly-load.js';

/**
 * What counts as a message and how often a channel counts a week, as the config's over-communication
 * options say, so the day map and journey diff show the load the rule judges (even with the rule off).
 */
export function loadOptions(config: ResolvedConfig): LoadOptions {
  const setting = config.rules.find((r) => r.rule.id === 'over-communication');
  if (!setting) return DEFAULT_LOAD;
  const options = setting.options as Record<string, unknown>;
  return LoadOptionsSchema.parse(Object.fromEntries(Object.keys(LoadOptionsSchema.shape).map((key) => [key, options[key]])));
}
