import type { Heading } from '../../load/index.js';
import { withoutAccents } from '../text.js';
import { sectionKind, stageName, type SectionKind } from './sections.js';

/**
 * What the headings above a markdown table say, as its author meant them: a heading is a persona only
 * when it names a role, segment or persona ("For IT admins", "Persona: Buyer", "Trial users"); a
 * stage when it names a stage or numbers a step ("Stage 1: Discovery & Research", "Fase 2 — ...",
 * "Phase 3"); a planned marker ("Future state"); otherwise a section, kept as a label.
 */
export type HeadingRole = { role: 'persona'; name: string } | { role: SectionKind; text: string };

// "For IT admins", "Persona: Buyer", "Segment - SMB", "Para clientes nuevos", "Pour les utilisateurs", "Für Admins", "管理者向け".
const PERSONA_PREFIX = /^(?:for|persona|segment|audience|para|pour|fur|für|per|voor)\s*[:\-–—]?\s+(.+)$|^(?:persona|segment|audience)\s*[:\-–—]\s*(.+)$/i;
const PERSONA_SUFFIX = /^(.+?)\s*(?:向け|様)$/;
// Head nouns that name people: English puts them last ("Trial users"), the Romance languages first ("Clientes nuevos").
const ROLE_LAST =
  /(?:^|\s)(?:users?|customers?|clients?|admins?|administrators?|buyers?|owners?|managers?|members?|guests?|patients?|students?|participants?|partners?|developers?|subscribers?|visitors?|prospects?|travell?ers?|passengers?|shoppers?|employees?|hires?|parents?|donors?|volunteers?|residents?|tenants?|hackers?|persona|champions?|decision makers?|admins|kunden|nutzer|gaste|gäste|klanten|gebruikers|ペルソナ|ユーザー|顧客|利用者|会員)$/i;
const ROLE_FIRST =
  /^(?:usuarios?|usuárias?|usuarias?|clientes?|huespedes|huéspedes|pacientes?|estudiantes?|alunos?|utilisateurs?|utilisatrices?|clients?|voyageurs?|patients?|utenti|clienti|ospiti|pazienti)(?:\s|$)/i;

/** The persona a heading names, or null. `personas` are the config's persona names. */
export function personaOf(text: string, personas: readonly string[] = []): string | null {
  // A heading's list number and its bracketed note are no part of the name: "1. New Users (0-7 days)" names "New Users".
  const trimmed = text
    .trim()
    .replace(/^(?:\d{1,2}[.)]|[-–—•])\s+/, '')
    .replace(/\s*[([][^)\]]*[)\]]\s*$/, '')
    .trim();
  if (trimmed.length > 80 || trimmed === '') return null;
  // "Persona", "Personas", "Segments" alone title a section about them (a list of who they are), not one of them.
  if (/^(?:personas?|segments?|audiences?|ペルソナ|segmentos?|publico|público|zielgruppen?|doelgroepen?|cibles?)$/i.test(trimmed)) return null;
  const folded = withoutAccents(trimmed.toLowerCase());
  if (personas.some((name) => withoutAccents(name.toLowerCase()) === folded)) return trimmed;
  const prefixed = PERSONA_PREFIX.exec(trimmed);
  if (prefixed) return (prefixed[1] ?? prefixed[2])!.trim();
  const suffixed = PERSONA_SUFFIX.exec(trimmed);
  if (suffixed) return suffixed[1]!.trim();
  // A sentence is no persona name: a persona heading is a few words.
  if (trimmed.split(/\s+/).length > 5) return null;
  return ROLE_LAST.test(trimmed) || ROLE_FIRST.test(trimmed) ? trimmed : null;
}

/** The role of one heading. */
export function headingRole(heading: Heading, isStage: (text: string) => boolean, personas: readonly string[] = []): HeadingRole {
  const persona = personaOf(heading.text, personas);
  if (persona !== null) return { role: 'persona', name: persona };
  const kind = sectionKind(heading.text, isStage);
  return { role: kind, text: kind === 'stage' ? stageName(heading.text) : heading.text };
}

/** What a table's headings give it: a persona, a stage, a planned marker and a section label (innermost wins). */
export interface HeadingContext {
  persona: string | null;
  stage: { text: string; row: number } | null;
  planned: boolean;
  section: string | null;
}

/** The context each table of a file gets from the headings above it. */
export function headingContexts(
  tables: readonly { headings?: Heading[] }[],
  isStage: (text: string) => boolean,
  personas: readonly string[] = [],
): HeadingContext[] {
  return tables.map(({ headings = [] }) => {
    const context: HeadingContext = { persona: null, stage: null, planned: false, section: null };
    for (const heading of headings) {
      const role = headingRole(heading, isStage, personas);
      if (role.role === 'persona') context.persona = role.name;
      else if (role.role === 'stage') context.stage = { text: role.text, row: heading.line };
      else if (role.role === 'planned') context.planned = true;
      else if (role.role === 'current') context.planned = false;
      else context.section = role.text;
    }
    return context;
  });
}

/** The stages a file's headings name, in order, each once: the file's stage model when they are its own. */
export function headingStages(tables: readonly { headings?: Heading[] }[], isStage: (text: string) => boolean): { text: string; line: number }[] {
  const seen = new Set<string>();
  const stages: { text: string; line: number }[] = [];
  for (const { headings = [] } of tables) {
    for (const heading of headings) {
      const role = headingRole(heading, isStage);
      if (role.role !== 'stage' || seen.has(`${heading.line}`)) continue;
      seen.add(`${heading.line}`);
      stages.push({ text: role.text, line: heading.line });
    }
  }
  return stages;
}
