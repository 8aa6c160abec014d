// The columns of the sheet interview answers are recorded in (journey interview --template), and the
// header words each may go by: read by the answers reader, and by the reading of tables, which tells an
// answers sheet from an inventory.
import { foldKey } from './text.js';

/** The columns of an answers sheet, in the order `journey interview --template` writes them. */
export const ANSWER_COLUMNS = ['persona', 'interviewee', 'stage', 'touchpoint', 'question', 'quote', 'feeling', 'date'] as const;
export type AnswerColumn = (typeof ANSWER_COLUMNS)[number];

/** The header each column gets in the template, and the words a header may use instead (the guide's languages). */
export const ANSWER_HEADERS: Record<AnswerColumn, { label: string; words: readonly string[] }> = {
  persona: { label: 'Persona', words: ['persona', 'segment', 'perfil', 'profil', 'ペルソナ'] },
  interviewee: {
    label: 'Interviewee',
    words: [
      'interviewee',
      'interviewee id',
      'participant',
      'respondent',
      'entrevistado',
      'participante',
      'interviewé',
      'befragte',
      'teilnehmer',
      'intervistato',
      'geïnterviewde',
      '回答者',
      '対象者',
    ],
  },
  stage: { label: 'Stage', words: ['stage', 'phase', 'etapa', 'fase', 'étape', 'ステージ', 'フェーズ'] },
  touchpoint: {
    label: 'Touchpoint',
    words: [
      'touchpoint',
      'touch point',
      'ponto de contato',
      'punto de contacto',
      'point de contact',
      'kontaktpunkt',
      'punto di contatto',
      'contactmoment',
      'タッチポイント',
    ],
  },
  question: { label: 'Question', words: ['question', 'pregunta', 'pergunta', 'frage', 'domanda', 'vraag', '質問'] },
  quote: {
    label: 'Quote',
    words: [
      'quote',
      'answer',
      'verbatim',
      'cita',
      'respuesta',
      'citação',
      'resposta',
      'citation',
      'réponse',
      'zitat',
      'antwort',
      'citazione',
      'risposta',
      'citaat',
      'antwoord',
      '発言',
      '回答',
    ],
  },
  feeling: {
    label: 'Feeling',
    words: [
      'feeling',
      'emotion',
      'sentiment',
      'score',
      'sentimiento',
      'emoción',
      'sentimento',
      'emoção',
      'ressenti',
      'émotion',
      'gefühl',
      'emotion',
      'sensazione',
      'emozione',
      'gevoel',
      'emotie',
      '感情',
      '気持ち',
    ],
  },
  date: { label: 'Date', words: ['date', 'interview date', 'fecha', 'data', 'datum', '日付'] },
};

let lookup: Map<string, AnswerColumn> | null = null;

/** The answer column a header cell names, by its words (case and accents aside). */
export function answerColumnOf(text: string): AnswerColumn | undefined {
  if (lookup === null) {
    lookup = new Map();
    for (const column of ANSWER_COLUMNS) for (const word of [ANSWER_HEADERS[column].label, ...ANSWER_HEADERS[column].words]) lookup.set(foldKey(word), column);
  }
  return lookup.get(foldKey(text));
}
