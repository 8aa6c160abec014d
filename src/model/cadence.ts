import type { Frequency } from './schema.js';

const PER_WEEK: Record<string, number> = { daily: 7, weekly: 1, biweekly: 0.5, monthly: 12 / 52, quarterly: 4 / 52, yearly: 1 / 52 };
const UNIT_WEEKS: Record<string, number> = { day: 1 / 7, week: 1, month: 52 / 12, quarter: 13, year: 52 };
const COUNT: Record<string, number> = { twice: 2, two: 2, three: 3, four: 4, five: 5, six: 6, other: 2 };

const count = (word: string) => COUNT[word] ?? Number(word);

/** Touches a week a recurring touchpoint sends ("3 times a week" → 3, "every 2 days" → 3.5); 0 for one-off touchpoints. */
export function touchesPerWeek(frequency: Frequency | null): number {
  if (!frequency?.recurring || frequency.cadence === null) return 0;
  if (frequency.cadence !== 'repeating') return PER_WEEK[frequency.cadence] ?? 0;
  const text = frequency.text.toLowerCase().replace(/\s+/g, ' ').trim();
  const every = /^every (\w+) (day|week|month|quarter|year)s?$/.exec(text);
  if (every) return 1 / (count(every[1]!) * UNIT_WEEKS[every[2]!]!);
  const times = /^(\d+|[a-z]+).*?(day|week|month|quarter|year)$/.exec(text);
  return times ? count(times[1]!) / UNIT_WEEKS[times[2]!]! : 0;
}
