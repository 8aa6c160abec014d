// The figures a touchpoint row may carry, by their key in `touchpoint.metrics`: the field catalogue
// (src/model/fields.ts) says which column holds each, the model's types use them. Types and data only.

/** The figures a touchpoint row may carry. Rates are fractions 0–1, whether written 12%, 0.12 or 12. */
export interface Metrics {
  /** People the touchpoint reaches (audience size or volume). */
  audience: number | null;
  sent: number | null;
  openRate: number | null;
  clickRate: number | null;
  conversionRate: number | null;
  dropOffRate: number | null;
  unsubscribeRate: number | null;
  /** Net Promoter Score, -100 to 100. */
  nps: number | null;
  /** Customer satisfaction as a fraction 0–1 (a 1–5 score is divided by 5). */
  csat: number | null;
}

/** The figures that are shares of people (fractions 0–1), read from 12%, 0.12 or 12; CSAT, a fraction too, has a reader of its own (a 1–5 score). */
export const RATE_METRICS = ['openRate', 'clickRate', 'conversionRate', 'dropOffRate', 'unsubscribeRate'] as const;
export type RateMetric = (typeof RATE_METRICS)[number];
