import type { CellValue } from '../../load/index.js';
import { headerWords, withoutNotes } from '../columns.js';
import { foldLabel } from '../text.js';

/**
 * Tables that sit beside inventories in the same documents and look like one to the cells (a column of
 * distinct names, a date, a short list of values): price lists, changelogs, meeting notes, glossaries,
 * risk registers. Their headers say what they are; two header words of one kind are enough when no
 * header names the touchpoints outright.
 */
const KINDS: { kind: string; words: string[] }[] = [
  {
    kind: 'a price list',
    words: [
      'price',
      'pricing',
      'unit price',
      'monthly price',
      'annual price',
      'price per month',
      'per seat',
      'seats',
      'plan',
      'tier',
      'sku',
      'discount',
      'storage',
      'users included',
      'precio',
      'preco',
      'plano',
      'forfait',
      'prix',
      'tarif',
      'preis',
      'prezzo',
      'prijs',
      'plan de precios',
      '価格',
      '料金',
      '价格',
    ],
  },
  {
    kind: 'a changelog',
    words: [
      'version',
      'release',
      'changes',
      'change',
      'changelog',
      'author',
      'commit',
      'pull request',
      'pr',
      'breaking',
      'version number',
      'version',
      'cambios',
      'cambio',
      'autor',
      'alteracao',
      'alteracoes',
      'auteur',
      'modification',
      'modifications',
      'anderung',
      'anderungen',
      'autore',
      'modifica',
      'modifiche',
      'wijziging',
      'wijzigingen',
      'バージョン',
      '変更内容',
      '版本',
      '变更',
    ],
  },
  {
    kind: 'meeting notes',
    words: [
      'attendees',
      'attendee',
      'participants',
      'decision',
      'decisions',
      'agenda',
      'minutes',
      'action items',
      'discussion',
      'asistentes',
      'decision tomada',
      'acuerdos',
      'participantes',
      'decisao',
      'pauta',
      'ordre du jour',
      'compte rendu',
      'teilnehmer',
      'teilnehmende',
      'entscheidung',
      'beschluss',
      'tagesordnung',
      'partecipanti',
      'decisione',
      'ordine del giorno',
      'deelnemers',
      'besluit',
      '参加者',
      '決定事項',
      '議題',
      '参会人员',
      '决议',
    ],
  },
  {
    kind: 'a glossary',
    words: [
      'term',
      'definition',
      'meaning',
      'abbreviation',
      'acronym',
      'termino',
      'definicion',
      'significado',
      'termo',
      'definicao',
      'terme',
      'sigle',
      'begriff',
      'bedeutung',
      'abkurzung',
      'termine',
      'definizione',
      'significato',
      'betekenis',
      'afkorting',
      '用語',
      '定義',
      '意味',
      '术语',
      '定义',
    ],
  },
  {
    kind: 'a risk register',
    words: [
      'risk',
      'risks',
      'likelihood',
      'probability',
      'mitigation',
      'severity',
      'contingency',
      'riesgo',
      'probabilidad',
      'mitigacion',
      'risco',
      'mitigacao',
      'risque',
      'probabilite',
      'attenuation',
      'risiko',
      'eintrittswahrscheinlichkeit',
      'rischio',
      'probabilita',
      'mitigazione',
      'risico',
      'kans',
      'リスク',
      '発生確率',
      '风险',
    ],
  },
];

const KIND_OF_KEY = new Map<string, number>();
KINDS.forEach(({ words }, index) => {
  for (const word of words) if (!KIND_OF_KEY.has(foldLabel(word))) KIND_OF_KEY.set(foldLabel(word), index);
});

/** What a header row says its table is, when it is one of the kinds above: the kind and the headers that say so. */
export function otherTableKind(header: readonly CellValue[]): { kind: string; headers: string[] } | null {
  const found = new Map<number, string[]>();
  for (const value of header) {
    if (typeof value !== 'string' || value.length > 60) continue;
    const bare = withoutNotes(value).trim();
    const words = headerWords(bare);
    // The header as a whole, or its last word ("Monthly price", "Action items" are whole; "Release version" by its last).
    const index = KIND_OF_KEY.get(foldLabel(bare)) ?? (words.length > 0 && words.length <= 3 ? KIND_OF_KEY.get(words.at(-1)!) : undefined);
    if (index === undefined) continue;
    const list = found.get(index) ?? [];
    list.push(bare);
    found.set(index, list);
  }
  let best: { kind: string; headers: string[] } | null = null;
  for (const [index, headers] of found)
    if (headers.length >= 2 && (best === null || headers.length > best.headers.length)) best = { kind: KINDS[index]!.kind, headers };
  return best;
}
