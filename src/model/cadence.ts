import type { Frequency } from './schema.js';
import { withoutAccents } from './text.js';

const PER_WEEK: Record<string, number> = { daily: 7, weekly: 1, biweekly: 0.5, monthly: 12 / 52, quarterly: 4 / 52, yearly: 1 / 52 };
// Units of a cadence in the languages journey reads, in weeks.
const UNIT_WEEKS: [RegExp, number][] = [
  [/^(?:days?|dias?|jours?|tage?n?|giorn[oi]|dagen|dag|日)$/, 1 / 7],
  [/^(?:weeks?|semanas?|semaines?|wochen?|settiman[ae]|weken|週)$/, 1],
  [/^(?:months?|mes(?:es)?|mois|monate?n?|mes[ei]|maanden|maand|月|ヶ月|か月)$/, 52 / 12],
  [/^(?:quarters?|trimestres?|quartale?n?|trimestri|kwarta(?:al|len))$/, 13],
  [/^(?:years?|anos?|annees?|ans?|jahre?n?|ann[oi]|jaren|jaar|年)$/, 52],
];
const COUNT_WORDS: Record<string, number> = {
  other: 2,
  once: 1,
  twice: 2,
  'three times': 3,
  'four times': 4,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  dos: 2,
  tres: 3,
  duas: 2,
  deux: 2,
  trois: 3,
  zwei: 2,
  drei: 3,
  due: 2,
  tre: 3,
  twee: 2,
  drie: 3,
};

const unitWeeks = (unit: string) => UNIT_WEEKS.find(([pattern]) => pattern.test(unit))?.[1] ?? null;

/**
 * Touches a week a cadence written in words says: "every 2 days" → 3.5, "2x/week" → 2, "twice a
 * month" → 0.46, "3 times a quarter", "cada 2 días", "alle 3 Tage", "tous les 15 jours", "2 veces por
 * semana"; null when the text names no rate.
 */
export function cadenceRate(text: string): number | null {
  const key = withoutAccents(text.toLowerCase()).replace(/\s+/g, ' ').trim();
  if (key.length > 60) return null;
  const every = /^(?:every|each|cada|a cada|tous les|toutes les|alle|ogni|elke|om de) (\d+|[a-z]+) ?([a-z]+)$/.exec(key);
  if (every) {
    const n = /^\d+$/.test(every[1]!) ? Number(every[1]) : COUNT_WORDS[every[1]!];
    const weeks = unitWeeks(every[2]!);
    return n && weeks ? 1 / (n * weeks) : null;
  }
  const times =
    /^(\d+|once|twice|three times|four times|[a-z]+) ?(?:x|times|veces|vezes|fois|mal|volte|keer)? ?(?:a|an|per|\/|al|a la|por|par|pro|la|each|every) ?([a-z]+)$/.exec(
      key,
    );
  if (times) {
    const n = /^\d+$/.test(times[1]!) ? Number(times[1]) : COUNT_WORDS[times[1]!];
    const weeks = unitWeeks(times[2]!);
    return n && weeks ? n / weeks : null;
  }
  return null;
}

/** Touches a week a recurring touchpoint sends ("3 times a week" → 3, "every 2 days" → 3.5); 0 for one-off touchpoints. */
export function touchesPerWeek(frequency: Frequency | null): number {
  if (!frequency?.recurring || frequency.cadence === null) return 0;
  if (frequency.cadence !== 'repeating') return PER_WEEK[frequency.cadence] ?? 0;
  return cadenceRate(frequency.text) ?? 0;
}
