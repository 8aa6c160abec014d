// Renders an interview guide (src/interview/guide.ts) as markdown for the interviewer, and the answers
// sheet to record what interviewees said. Render only: every choice was made in the guide.
import { csvField, markdownText, storableText } from '../../escape.js';

// Every cell of the answers sheet is text (a quote, a name): a formula-like one is shown as text.
const csvValue = (text: string) => csvField(storableText(text));
import { ANSWER_COLUMNS, ANSWER_HEADERS } from '../../interview/answers.js';
import { MARKUP_MARKER } from '../../marker.js';
import type { GuideQuestion, InterviewGuide, PersonaGuide } from '../../interview/guide.js';
import { QUESTION_MINUTES, QUESTION_TEXTS, fillTemplate } from '../../interview/questions.js';
import type { Location } from '../../model/schema.js';

/** A cell as a reader finds it: `Sheet!B7`, or the row of a CSV or markdown file; null for the file as a whole (its message names the persona). */
function place(location: Location): string | null {
  // A cell already names its sheet (`Practitioner!B7`) or its markdown line.
  if (location.cell !== null) return location.cell;
  if (location.sheet !== null) return location.row === null ? location.sheet : `${location.sheet} row ${location.row}`;
  return location.row === null ? null : `row ${location.row}`;
}

type Labels = (typeof QUESTION_TEXTS)[InterviewGuide['language']]['label'];

function questionLines(question: GuideQuestion, number: number, label: Labels): string[] {
  const lines = [`${number}. ${markdownText(question.text)} _(${question.minutes} ${label.minutes})_`];
  // Nested under its question: as deep as the question's number and its ". " ("10. " takes four).
  const indent = ' '.repeat(String(number).length + 2);
  for (const because of question.because) {
    const source = because.rule === null ? markdownText(label.gap) : markdownText(because.rule);
    const where = place(because.location);
    lines.push(`${indent}- ${markdownText(label.why)}: ${source}${where === null ? '' : `, ${markdownText(where)}`}: ${markdownText(because.message)}`);
  }
  return lines;
}

function personaSection(guide: PersonaGuide, language: InterviewGuide['language']): string[] {
  const { section: words, label } = QUESTION_TEXTS[language];
  const planned = fillTemplate(label.planned, { planned: guide.plannedMinutes, minutes: guide.minutes });
  const lines = [
    `## ${markdownText(guide.persona)}`,
    '',
    markdownText(planned),
    '',
    // The intro and consent take minutes of the session too: said, so the minutes shown add up to the plan.
    `> ${markdownText(guide.intro)} _(${QUESTION_MINUTES.intro} ${label.minutes})_`,
    '>',
    `> ${markdownText(guide.consent)} _(${QUESTION_MINUTES.consent} ${label.minutes})_`,
    '',
  ];
  let number = 0;
  const block = (title: string, questions: readonly GuideQuestion[]) => {
    if (questions.length === 0) return;
    lines.push(`### ${markdownText(title)}`, '');
    for (const question of questions) lines.push(...questionLines(question, ++number, label));
    lines.push('');
  };
  block(words.warmup, guide.warmUp);
  for (const section of guide.stages) block(section.label, section.questions);
  block(words.closing, guide.closing);
  if (guide.leftOut.length > 0) {
    lines.push(`### ${markdownText(words.leftOut)}`, '');
    for (const question of guide.leftOut)
      lines.push(
        `- ${markdownText(question.text)} _(${question.minutes} ${label.minutes}; ${question.because.map((b) => markdownText(b.rule ?? label.gap)).join(', ')})_`,
      );
    lines.push('');
  }
  return lines;
}

/** The guide as markdown: per persona the intro and consent to read out, then numbered questions, each with why journey asks it. */
export function guideMarkdown(guide: InterviewGuide, title: string): string {
  const lines = [`# ${markdownText(QUESTION_TEXTS[guide.language].label.title)}: ${markdownText(title)}`, ''];
  if (guide.guides.length === 0) lines.push('No persona to interview.', '');
  for (const persona of guide.guides) lines.push(...personaSection(persona, guide.language));
  // The marker every file journey writes ends with, so `-o guide.md` may replace it on the next run.
  return `${lines.join('\n').trimEnd()}\n\n${MARKUP_MARKER}`;
}

/** The touchpoint an answer to the question is recorded against: the one it asks about; for a handoff or a silence, the one the customer waited for; none for a stage question. */
function subject(question: GuideQuestion): string {
  if (question.kind === 'friction' || question.kind === 'unmeasured') return question.touchpoints[0]?.name ?? '';
  if (question.kind === 'handoff' || question.kind === 'silence') return question.touchpoints[question.touchpoints.length - 1]?.name ?? '';
  return '';
}

/**
 * The answers sheet as CSV (or, with a tab, TSV): a header with every answer column, and one row per
 * question of the guide (persona, stage, touchpoint and question filled in) for the interviewer to copy
 * per interviewee. UTF-8 with a byte-order mark, so Excel opens it with the right encoding.
 */
export function answersTemplateCsv(guide: InterviewGuide | null, stageLabels: ReadonlyMap<string, string>, delimiter: ',' | '\t' = ','): string {
  const lines = [ANSWER_COLUMNS.map((column) => csvValue(ANSWER_HEADERS[column].label)).join(delimiter)];
  for (const persona of guide?.guides ?? []) {
    const questions = [...persona.warmUp, ...persona.stages.flatMap((section) => section.questions), ...persona.closing];
    for (const question of questions) {
      const values: Record<(typeof ANSWER_COLUMNS)[number], string> = {
        persona: persona.persona,
        interviewee: '',
        stage: question.stage === null ? '' : (stageLabels.get(question.stage) ?? question.stage),
        touchpoint: subject(question),
        question: question.text,
        quote: '',
        feeling: '',
        date: '',
      };
      lines.push(ANSWER_COLUMNS.map((column) => csvValue(values[column])).join(delimiter));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
