// The day-in-the-life layout: touchpoints placed by day offset on their lane, packed into rows so no two
// marks overlap, the weekly outbound load under them and the silent stretches between touchpoints.
import type { JourneyMap, MapCard, PersonaMap } from './layout.js';

/** Pixel sizes of the timeline (the HTML and SVG renderers draw marks exactly this size). */
export const TIMELINE = { cardWidth: 190, cardHeight: 64, spacing: 8, maxPixelsPerDay: 6, maxWidth: 6000 } as const;
/** A stretch with no touchpoint longer than this many days is shaded as silent. */
export const SILENCE_DAYS = 14;

export interface DayMark {
  card: MapCard;
  x: number;
  y: number;
}

export interface DayLane {
  label: string;
  height: number;
  marks: DayMark[];
}

export interface WeekLoad {
  /** 0-based week: days week*7 to week*7+6. */
  week: number;
  /** Outbound touches that week: one-off touchpoints on its days plus recurring ones at their weekly rate. */
  load: number;
  /** Over the over-communication rule's limit. */
  peak: boolean;
}

export interface Silence {
  from: number;
  to: number;
  x: number;
  width: number;
}

export interface DayLayout {
  pixelsPerDay: number;
  cardWidth: number;
  cardHeight: number;
  width: number;
  weekWidth: number;
  lanes: DayLane[];
  weeks: WeekLoad[];
  silences: Silence[];
  ticks: { day: number; x: number }[];
  maxPerWeek: number | null;
  silenceDays: number;
}

/** Lays out one persona's dated touchpoints by day; cards without a day are left to the renderer's "no day" list. */
export function dayLayout(persona: PersonaMap, map: Pick<JourneyMap, 'lanes'>): DayLayout {
  const { cardWidth, cardHeight, spacing } = TIMELINE;
  const dated = persona.cards.filter((c) => c.day !== null).sort((a, b) => a.day! - b.day!);
  const lastDay = dated.length ? dated.at(-1)!.day! : 0;
  // Days spread out up to 6 px each; a long journey is squeezed so the page stays under maxWidth.
  const pixelsPerDay = Math.max(0.5, Math.min(TIMELINE.maxPixelsPerDay, (TIMELINE.maxWidth - cardWidth) / Math.max(1, lastDay)));
  const x = (day: number) => spacing + day * pixelsPerDay;

  const laneOf = (c: MapCard) => (map.lanes === 'team' ? (c.team ?? 'No team') : (c.channel ?? 'No channel'));
  const byLane = new Map<string, MapCard[]>();
  for (const c of dated) {
    const lane = byLane.get(laneOf(c));
    if (lane) lane.push(c);
    else byLane.set(laneOf(c), [c]);
  }
  const lanes: DayLane[] = [...byLane].map(([label, cards]) => {
    // Greedy packing: each mark takes the first row whose last mark ends before it starts.
    const rowEnds: number[] = [];
    const marks = cards.map((card) => {
      const left = x(card.day!);
      let row = rowEnds.findIndex((end) => end + spacing <= left);
      if (row === -1) row = rowEnds.push(0) - 1;
      rowEnds[row] = left + cardWidth;
      return { card, x: left, y: spacing + row * (cardHeight + spacing) };
    });
    return { label, marks, height: spacing + Math.max(1, rowEnds.length) * (cardHeight + spacing) };
  });

  // A recurring touchpoint counts every week from its day until the next stage starts (at least one week).
  const stageStarts = new Map<string | null, number>();
  for (const c of dated) if (!stageStarts.has(c.stage)) stageStarts.set(c.stage, c.day!);
  const starts = [...stageStarts.values()].sort((a, b) => a - b);
  const weeks: WeekLoad[] = Array.from({ length: Math.floor(lastDay / 7) + 1 }, (_, week) => ({ week, load: 0, peak: false }));
  for (const c of dated) {
    if (!c.message) continue;
    const first = Math.floor(c.day! / 7);
    if (c.perWeek === 0) {
      weeks[first]!.load += 1;
      continue;
    }
    const next = starts.find((s) => s > c.day!) ?? lastDay + 1;
    const last = Math.max(first, Math.floor((next - 1) / 7));
    for (let w = first; w <= last && w < weeks.length; w++) weeks[w]!.load += c.perWeek;
  }
  const maxPerWeek = persona.weeklyLimit;
  for (const w of weeks) w.peak = maxPerWeek !== null && w.load > maxPerWeek;

  const silences: Silence[] = [];
  for (let i = 1; i < dated.length; i++) {
    const [from, to] = [dated[i - 1]!.day!, dated[i]!.day!];
    if (to - from > SILENCE_DAYS) silences.push({ from, to, x: x(from), width: (to - from) * pixelsPerDay });
  }
  const step = pixelsPerDay * 7 >= 48 ? 7 : pixelsPerDay * 30 >= 48 ? 30 : 90;
  const ticks = Array.from({ length: Math.floor(lastDay / step) + 1 }, (_, i) => ({ day: i * step, x: x(i * step) }));
  return {
    pixelsPerDay,
    cardWidth,
    cardHeight,
    width: x(lastDay) + cardWidth + spacing,
    weekWidth: 7 * pixelsPerDay,
    lanes,
    weeks,
    silences,
    ticks,
    maxPerWeek,
    silenceDays: SILENCE_DAYS,
  };
}
