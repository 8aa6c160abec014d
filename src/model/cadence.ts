import type { Frequency } from './schema.js';

const PER_WEEK: Record<string, number> = { daily: 7, weekly: 1, biweekly: 0.5, monthly: 12 / 52, quarterly: 4 / 52, yearly: 1 / 52 };
const UNIT_WEEKS: Record<string, number> = { day: 1 / 7, week: 1, month: 52 / 12, quarter: 13, year: 52 };

/** Touches a week a recurring touchpoint sends ("3 times a week" → 3); 0 for one-off touchpoints. */
export function touchesPerWeek(frequency: Frequency | null): number {
  if (!frequency?.recurring || frequency.cadence === null) return 0;
  if (frequency.cadence !== 'repeating') return PER_WEEK[frequency.cadence] ?? 0;
  const match = /^(\d+).*?(day|week|month|quarter|year)$/.exec(frequency.text.toLowerCase().trim());
  return match ? Number(match[1]) / UNIT_WEEKS[match[2]!]! : 0;
}
