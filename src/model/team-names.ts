import { confidentTypo, foldKey, foldedWords, withoutAccents } from './text.js';

/**
 * Abbreviations teams write in team names, each for the word it shortens (in the languages journey
 * reads: "Mkt" is Marketing in English, Spanish and Portuguese alike). Several words for one
 * abbreviation are written out as the phrase.
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  mktg: 'marketing',
  mkt: 'marketing',
  mkting: 'marketing',
  mktng: 'marketing',
  mgmt: 'management',
  mgt: 'management',
  mngmt: 'management',
  mgr: 'manager',
  ops: 'operations',
  oper: 'operations',
  eng: 'engineering',
  engg: 'engineering',
  engr: 'engineering',
  dev: 'development',
  prod: 'product',
  cust: 'customer',
  svc: 'service',
  svcs: 'services',
  supp: 'support',
  acct: 'account',
  accts: 'accounts',
  biz: 'business',
  comms: 'communications',
  fin: 'finance',
  rev: 'revenue',
  exec: 'executive',
  admin: 'administration',
  vtas: 'ventas',
  comunic: 'comunicacion',
};

/**
 * Acronyms that stand for a whole team or role name. A role is not its team: "CSM" (a customer success
 * manager) stays apart from "CS" (the customer success team), "AE" and "SDR" are roles of Sales, not
 * Sales; a handoff between them can be real, so journey never merges them on its own.
 */
const ACRONYMS: Readonly<Record<string, string>> = {
  cs: 'customer success',
  csm: 'customer success manager',
  csms: 'customer success manager',
  cx: 'customer experience',
  pmm: 'product marketing',
  ae: 'account executive',
  am: 'account manager',
  sdr: 'sales development representative',
  bdr: 'business development representative',
  hr: 'human resources',
  rrhh: 'recursos humanos',
  ux: 'user experience',
  qa: 'quality assurance',
  ps: 'professional services',
};

// Words that add nothing to a team's name: "Marketing team", "Equipo de Marketing", "Abteilung Vertrieb".
const FILLER = new Set([
  'team',
  'teams',
  'dept',
  'department',
  'group',
  'squad',
  'the',
  'equipo',
  'equipe',
  'departamento',
  'area',
  'abteilung',
  'reparto',
  'afdeling',
  'de',
  'del',
  'da',
  'do',
  'des',
  'du',
  'di',
]);
// Words joining two teams' names ("Sales & Marketing", "Ventas y Marketing"): one spelling, "and".
const AND = new Set(['and', 'y', 'e', 'et', 'und', 'en']);

/** The words a team name stands for: camel case split ("RevOps"), case and accents folded, abbreviations written out, filler left out. */
export function teamWords(name: string): string[] {
  const split = name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/&/g, ' and ');
  const words = foldedWords(split);
  if (words.length === 1 && ACRONYMS[words[0]!] !== undefined) return ACRONYMS[words[0]!]!.split(' ');
  return words.flatMap((word, i) => {
    if (FILLER.has(word)) return [];
    // Only between two words: "E-commerce" starts with no "and".
    if (AND.has(word) && i > 0 && i < words.length - 1) return ['and'];
    return (ABBREVIATIONS[word] ?? ACRONYMS[word] ?? word).split(' ');
  });
}

/**
 * True when `short` is a written shortening of `long`: three letters or more with at most one vowel
 * (words are shortened by dropping vowels: "Mgmt", "Cstmr", "Prod"; "Sales" is a word, not a shortening
 * of "Salesforce"), the same first letter, its letters in order within the word, at least two letters
 * shorter, and either the word's start ("Prod", "Cust") or ending on the word's last letter ("Mktg").
 */
function shortens(short: string, long: string): boolean {
  if (short.length < 3 || short.length > long.length - 2 || short[0] !== long[0] || /\d/.test(short)) return false;
  if ((short.match(/[aeiou]/g)?.length ?? 0) > 1) return false;
  if (!long.startsWith(short) && short.at(-1) !== long.at(-1)) return false;
  let i = 0;
  for (const letter of long) if (letter === short[i]) i++;
  return i === short.length;
}

/** True when two words are one: equal, one a shortening of the other, or a confident typo of it. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (shortens(a, b) || shortens(b, a)) return true;
  return a.length >= 5 && b.length >= 5 && (confidentTypo(a, [b]) !== null || confidentTypo(b, [a]) !== null);
}

/** True when a written name is an acronym of a name of several words: "CX" for Customer Experience. */
function acronymOf(written: string, words: readonly string[]): boolean {
  if (words.length < 2 || !/^[A-Z]{2,5}$/.test(written.trim())) return false;
  return written.trim().toLowerCase() === words.map((word) => word[0]).join('');
}

/** A spelling of a team, as written, with how many rows hold it. */
export interface TeamSpelling {
  name: string;
  rows: number;
}

/** Most distinct team spellings compared; a column of thousands of distinct "teams" is no team column to tidy. */
const MAX_COMPARED = 400;

/**
 * Groups team spellings that name one team: the same words once case, punctuation, accents,
 * abbreviations ("Mktg"), acronyms ("PMM", "CS") and filler words ("team", "Equipo de") are read
 * through; or, word by word, a shortening ("Prod") or a confident typo ("Sucess") of the other's word;
 * or the initials of the other ("CX"). A spelling near two different teams joins neither. "Sales" and
 * "Sales Ops" stay apart: a word more is another team. Returns groups of two or more spellings, in first-seen order.
 */
export function teamGroups(spellings: readonly TeamSpelling[]): TeamSpelling[][] {
  const list = spellings.slice(0, MAX_COMPARED).filter((spelling) => foldKey(spelling.name) !== '');
  const words = list.map((spelling) => teamWords(spelling.name));
  const parent = list.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const join = (a: number, b: number) => {
    const [x, y] = [root(a), root(b)];
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  };
  // The same words: one team, whatever else is near.
  const byWords = new Map<string, number>();
  words.forEach((w, i) => {
    const key = w.join(' ');
    if (key === '') return;
    const first = byWords.get(key);
    if (first === undefined) byWords.set(key, i);
    else join(first, i);
  });
  // Near spellings join a team only when they are near one team.
  const near = list.map(() => new Set<number>());
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      if (root(i) === root(j)) continue;
      const [a, b] = [words[i]!, words[j]!];
      const alike =
        (a.length === b.length && a.length > 0 && a.every((word, k) => sameWord(word, b[k]!))) || acronymOf(list[i]!.name, b) || acronymOf(list[j]!.name, a);
      if (alike) {
        near[i]!.add(j);
        near[j]!.add(i);
      }
    }
  }
  // A spelling near two teams (by the same words) is ambiguous: it joins neither, and neither joins it.
  const ambiguous = near.map((others) => new Set([...others].map(root)).size > 1);
  near.forEach((others, i) => {
    if (ambiguous[i]) return;
    for (const j of others) if (!ambiguous[j]) join(i, j);
  });
  const groups = new Map<number, TeamSpelling[]>();
  list.forEach((spelling, i) => {
    const group = groups.get(root(i)) ?? [];
    group.push(spelling);
    groups.set(root(i), group);
  });
  return [...groups.values()].filter((group) => group.length > 1);
}

/**
 * The spelling a group is best written as: a name written out (most letters, not all capitals), then
 * the one more rows use, then the first seen.
 */
export function canonicalTeam(group: readonly TeamSpelling[]): string {
  const score = (spelling: TeamSpelling) => {
    const letters = spelling.name.replace(/[^\p{L}]/gu, '');
    const capitals = letters.length > 0 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
    return (capitals ? 0 : 1_000_000) + letters.length * 1000 + Math.min(spelling.rows, 999);
  };
  return group.reduce((best, spelling) => (score(spelling) > score(best) ? spelling : best)).name;
}

// What teams write in a team cell that names no team: "TBD", "-", "n/a", "?", "none", "Sin asignar", "Offen".
const NO_TEAM =
  /^(?:[-–—?.]+|tbd|tbc|to be (?:decided|defined|confirmed|assigned)|n\/?a|none|no one|nobody|unassigned|not assigned|unknown|pending|open|por definir|a definir|sin asignar|sin equipo|ninguno|nadie|sem equipe|nenhum|ninguem|offen|unbekannt|keins|niemand|non assigne|aucun|personne|da definire|nessuno|nvt|geen|未定|なし)$/i;

/** True when a team cell's text says no team owns the row ("TBD", "-", "n/a", "Sin asignar"): the row has no team. */
export function namesNoTeam(text: string): boolean {
  return text.length <= 40 && NO_TEAM.test(withoutAccents(text).trim());
}

/** Reads team names through the config's `teams` aliases: each variant (case and spacing ignored) as its canonical name. */
export class TeamAliases {
  private readonly byKey = new Map<string, string>();

  constructor(aliases: Readonly<Record<string, readonly string[]>> = {}) {
    for (const [canonical, variants] of Object.entries(aliases)) {
      for (const spelling of [canonical, ...variants]) {
        const key = foldKey(spelling);
        if (key !== '' && !this.byKey.has(key)) this.byKey.set(key, canonical);
      }
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  /** The canonical name of a team as written, or the name itself. */
  read(name: string): string {
    return this.byKey.size === 0 ? name : (this.byKey.get(foldKey(name)) ?? name);
  }
}
