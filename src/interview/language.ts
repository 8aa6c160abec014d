import type { JourneyModel } from '../model/schema.js';
import type { GuideLanguage } from './questions.js';

// Words that mark a language in touchpoint names and notes: short function words and the journey words
// teams write most ("welcome", "call", "days"). Words two languages share ("de", "la", "e") are left out,
// so each hit is evidence for one language only.
const MARKERS: Record<Exclude<GuideLanguage, 'ja'>, readonly string[]> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'for',
    'with',
    'your',
    'you',
    'welcome',
    'call',
    'after',
    'before',
    'days',
    'week',
    'email',
    'review',
    'reminder',
    'new',
    'our',
    'from',
    'first',
    'update',
  ],
  es: [
    'el',
    'los',
    'las',
    'y',
    'para',
    'con',
    'bienvenida',
    'llamada',
    'correo',
    'días',
    'después',
    'del',
    'su',
    'tu',
    'cliente',
    'recordatorio',
    'llegada',
    'reserva',
    'encuesta',
    'al',
  ],
  pt: [
    'os',
    'para',
    'com',
    'boas-vindas',
    'ligação',
    'dias',
    'depois',
    'seu',
    'sua',
    'você',
    'não',
    'lembrete',
    'pesquisa',
    'cliente',
    'ao',
    'da',
    'do',
    'visita',
    'atendimento',
  ],
  fr: ['le', 'les', 'des', 'et', 'pour', 'avec', 'bienvenue', 'appel', 'jours', 'après', 'votre', 'vos', 'du', 'rappel', 'enquête', 'au', 'aux', 'client'],
  de: [
    'der',
    'die',
    'das',
    'und',
    'für',
    'mit',
    'willkommen',
    'anruf',
    'tage',
    'nach',
    'ihr',
    'ihre',
    'zum',
    'zur',
    'den',
    'erinnerung',
    'kunde',
    'umfrage',
    'vor',
  ],
  it: ['il', 'gli', 'per', 'benvenuto', 'chiamata', 'giorni', 'prima', 'dopo', 'della', 'dei', 'promemoria', 'sondaggio', 'cliente', 'alla', 'nel'],
  nl: ['het', 'een', 'en', 'voor', 'met', 'welkom', 'gesprek', 'dagen', 'na', 'uw', 'je', 'van', 'bij', 'herinnering', 'klant', 'enquête', 'naar'],
};

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/gu;
const LETTER = /\p{L}/gu;

/**
 * The language an inventory is written in, from its touchpoint names, notes, pain points and stage labels:
 * Japanese when a fifth of its letters are kana or kanji; otherwise the language whose marker words occur
 * most, when they clearly lead (3 hits, half again the next); English when nothing does.
 */
export function inventoryLanguage(model: JourneyModel): GuideLanguage {
  const texts: string[] = [];
  // A sample is enough, and keeps a million-row inventory cheap.
  for (const touchpoint of model.touchpoints.slice(0, 2000)) {
    texts.push(touchpoint.name);
    if (touchpoint.notes) texts.push(touchpoint.notes);
    if (touchpoint.painPoint) texts.push(touchpoint.painPoint);
  }
  for (const stage of model.stageModel.stages) texts.push(stage.label);
  return textLanguage(texts.join('\n'));
}

/** The language of a text, as inventoryLanguage decides it. */
export function textLanguage(text: string): GuideLanguage {
  const letters = text.match(LETTER)?.length ?? 0;
  const japanese = text.match(JAPANESE)?.length ?? 0;
  if (letters > 0 && japanese / letters >= 0.2) return 'ja';
  const words = text
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{N}-]+/u);
  const counts = new Map<string, number>();
  for (const [language, markers] of Object.entries(MARKERS)) {
    const set = new Set(markers);
    counts.set(language, words.filter((word) => set.has(word)).length);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [best, second] = [ranked[0]!, ranked[1]!];
  if (best[1] >= 3 && best[1] >= second[1] * 1.5) return best[0] as GuideLanguage;
  return 'en';
}
