import { csvField } from '../escape.js';
import type { InventoryPlan } from './plan.js';
import type { MeasureResult } from './result.js';

/** The header of --write-metrics: the inventory's key columns, then the measured figures under the names the inventory reader knows (Drop-off rate, Conversion rate). */
export const METRICS_HEADER = ['Persona', 'Stage', 'Touchpoint', 'Reach', 'Share', 'Drop-off rate', 'Conversion rate', 'Median hours to next', 'Observed day'];

const rate = (value: number | null | undefined) => (value === null || value === undefined ? '' : `${(Math.round(value * 10000) / 100).toString()}%`);
const number = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(Math.round(value * 100) / 100));

/**
 * Per-touchpoint measured figures as a CSV keyed like the inventory (persona, stage and touchpoint name as it
 * writes them), one row per planned touchpoint (a name planned for several personas gets a row for each), or
 * per measured touchpoint without an inventory. UTF-8 with a byte-order mark, as journey init writes CSV.
 */
export function metricsCsv(result: MeasureResult, plan: InventoryPlan | null, personasOf: (name: string) => string[]): string {
  const lines = [METRICS_HEADER.map((header) => csvField(header)).join(',')];
  for (const tp of result.touchpoints) {
    const planned = plan?.touchpoints.find((p) => p.name === tp.name);
    const personas = planned ? personasOf(tp.name) : [''];
    for (const persona of personas) {
      lines.push(
        [
          csvField(persona),
          csvField(tp.stage ?? ''),
          csvField(tp.name),
          String(tp.users),
          rate(tp.share),
          rate(tp.dropOff),
          rate(tp.conversion),
          number(tp.medianHoursToNext),
          number(tp.observedDay),
        ].join(','),
      );
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
