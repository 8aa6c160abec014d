import { foldLabel, withoutAccents } from '../text.js';
import { stripStageNumbering } from '../vocabulary.js';

/**
 * Section rows and headings: what a one-cell row across a table (or a heading above a markdown table)
 * says about the rows under it. "Future state", "To-be", "Planned", "Backlog", "Ideas" (and their
 * equivalents in the languages journey reads) mark them planned; "Current state", "As-is" live again;
 * "Stage 2: Onboarding", "Fase 2 — O silêncio antes da visita", "Phase 3" or a stage's name set their stage.
 */

/** What a section's text says: the rows under it are planned, current, of a stage, or only labelled. */
export type SectionKind = 'planned' | 'current' | 'stage' | 'label';

// Words and phrases, folded without accents, matched as whole words anywhere in the text ("FUTURE STATE (H2 plan)").
const PLANNED = [
  'future state',
  'future',
  'to-be',
  'to be',
  'tobe',
  'planned',
  'backlog',
  'ideas',
  'idea',
  'roadmap',
  'proposed',
  'wishlist',
  'next quarter',
  'next year',
  'next release',
  'proximo trimestre',
  'proximo ano',
  'trimestre prochain',
  'prochain trimestre',
  'nachstes quartal',
  'nachstes jahr',
  'prossimo trimestre',
  'volgend kwartaal',
  'volgend jaar',
  '来期',
  '来四半期',
  '次期',
  'coming soon',
  'not yet live',
  'not live yet',
  'estado futuro',
  'futuro',
  'planificado',
  'planeado',
  'previsto',
  'propuesto',
  'ideas',
  'pendiente',
  'por hacer',
  'proximamente',
  'estado desejado',
  'planejado',
  'ideias',
  'proposto',
  'em breve',
  'etat futur',
  'etat cible',
  'futur',
  'prevu',
  'planifie',
  'idees',
  'a venir',
  'propose',
  'soll-zustand',
  'sollzustand',
  'zukunft',
  'zukunftig',
  'geplant',
  'ideen',
  'vorschlag',
  'entwurf',
  'stato futuro',
  'pianificato',
  'proposte',
  'in arrivo',
  'idee',
  'toekomst',
  'gewenste situatie',
  'gepland',
  'ideeen',
  'voorstel',
  '将来',
  '今後',
  '予定',
  '計画中',
  'アイデア',
  'あるべき姿',
];
const CURRENT = [
  'current state',
  'current',
  'as-is',
  'as is',
  'asis',
  'today',
  'live',
  'existing',
  'in place',
  'estado actual',
  'actual',
  'actuales',
  'vigente',
  'estado atual',
  'atual',
  'atuais',
  'etat actuel',
  'actuel',
  'existant',
  'ist-zustand',
  'istzustand',
  'aktuell',
  'bestehend',
  'stato attuale',
  'attuale',
  'esistente',
  'huidige situatie',
  'huidig',
  'bestaand',
  '現状',
  '現在',
];
// "Stage 1: Discovery", "Phase 3", "Step 4", "Etapa 1", "Fase 2 — ...", "Étape 2", "Schritt 3", "Stufe 1", "ステップ1", "第2段階".
const NUMBERED_STAGE =
  /^(?:stage|phase|step|etapa|fase|etape|phase|schritt|stufe|tappa|passo|stap|ステップ|フェーズ|ステージ)\s*\d+\b|^第\s*\d+\s*(?:段階|フェーズ|ステップ)/i;

const phrases = (list: readonly string[]) => list.map((phrase) => withoutAccents(phrase.toLowerCase()));
const PLANNED_PHRASES = phrases(PLANNED);
const CURRENT_PHRASES = phrases(CURRENT);

function mentions(text: string, list: readonly string[]): boolean {
  const folded = ` ${withoutAccents(text.toLowerCase()).replace(/[^\p{L}\p{N}-]+/gu, ' ')} `;
  // Japanese has no spaces between words: a phrase in a Japanese script is looked for anywhere.
  return list.some((phrase) => (/^[\x00-\x7f]*$/.test(phrase) ? folded.includes(` ${phrase.replace(/[^\p{L}\p{N}-]+/gu, ' ')} `) : folded.includes(phrase)));
}

/**
 * What a section row or heading says. `isStage` tells whether a text names one of the stages in force;
 * a numbered step ("Phase 2: ...") is a stage too. Planned and current markers are looked for first.
 */
export function sectionKind(text: string, isStage: (text: string) => boolean): SectionKind {
  if (text.length > 200) return 'label';
  if (mentions(text, PLANNED_PHRASES)) return 'planned';
  if (mentions(text, CURRENT_PHRASES)) return 'current';
  if (NUMBERED_STAGE.test(withoutAccents(text.trim())) || isStage(text) || isStage(stageName(text))) return 'stage';
  return 'label';
}

/** The stage a section or heading names: "Stage 1: Discovery & Research" → "Discovery & Research", "Phase 3" → "Phase 3". */
export function stageName(text: string): string {
  const trimmed = text.trim();
  const named =
    /^(?:(?:stage|phase|step|etapa|fase|etape|schritt|stufe|tappa|passo|stap)\s*\d+|ステップ\s*\d+|フェーズ\s*\d+|第\s*\d+\s*(?:段階|フェーズ|ステップ))\s*[:.)\-–—]\s*(.+)$/i.exec(
      withoutAccents(trimmed),
    );
  if (named) return trimmed.slice(trimmed.length - named[1]!.length).trim();
  const stripped = stripStageNumbering(trimmed);
  return foldLabel(stripped) === '' ? trimmed : stripped;
}
