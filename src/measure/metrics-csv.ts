import { csvField } from '../escape.js';
import { JOURNEY_MARKER } from '../marker.js';
import type { InventoryPlan } from './plan.js';
import type { MeasureResult } from './result.js';

/** The header of --write-metrics: the inventory's key columns, then the measured figures under the names the inventory reader knows (Drop-off rate, Conversion rate). */
export const METRICS_HEADER = ['Persona', 'Stage', 'Touchpoint', 'Reach', 'Share', 'Drop-off rate', 'Conversion rate', 'Median hours to next', 'Observed day'];

const rate = (value: number | null | undefined) => (value === null || value === undefined ? '' : `${(Math.round(value * 10000) / 100).toString()}%`);
const number = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(Math.round(value * 100) / 100));

/**
 * Per-touchpoint measured figures as a CSV keyed like the inventory (persona, stage and touchpoint name as it
 * writes them), one row per planned touchpoint (a name planned for several personas gets a row for each), or
 * per measured touchpoint without an inventory. UTF-8 with a byte-order mark, as journey init writes CSV; its last
 * row is journey's marker, so --write-metrics replaces a file it wrote without --force.
 */
export function metricsCsv(result: MeasureResult, plan: InventoryPlan | null, personasOf: (name: string) => string[]): string {
  const lines = [METRICS_HEADER.map((header) => csvField(header)).join(',')];
  for (const tp of result.touchpoints) {
    const planned = plan?.touchpoints.find((p) => p.name === tp.name);
    // With an inventory, only its touchpoints: a goal that is no touchpoint has nothing to key its row to.
    if (plan !== null && planned === undefined) continue;
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
  // The last row carries journey's marker, so the next run replaces the file (a row without a touchpoint, which --metrics skips).
  lines.push([csvField(`# ${JOURNEY_MARKER}`), ...METRICS_HEADER.slice(1).map(() => '')].join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
