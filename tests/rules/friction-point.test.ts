import { frictionPoint } from '../../src/rules/friction-point.js';
import type { InterviewAnswer } from '../../src/model/schema.js';
import { type Row, ruleTester } from '../helpers/rule-tester.js';

const invoice = (values: Row = {}): Row => ({
  Stage: 'Onboarding',
  Touchpoint: 'Invoice email',
  Channel: 'Email',
  'Drop-off': '',
  'Unsubscribe rate': '',
  NPS: '',
  CSAT: '',
  Sentiment: '',
  'Pain point': '',
  ...values,
});
const FIX = 'fix the cause and measure again.';
const figures = invoice({ 'Drop-off': '25%', 'Unsubscribe rate': '0.8%', NPS: 10, CSAT: 4, Sentiment: 'Neutral' });

ruleTester(frictionPoint, {
  valid: [
    {
      name: 'figures within limits',
      rows: [invoice({ 'Drop-off': 0.2, 'Unsubscribe rate': '0.5%', NPS: 30, CSAT: '85%', Sentiment: 'Delighted', 'Pain point': 'none really' })],
    },
    { name: 'no figures', rows: [invoice()] },
    { name: 'figures within the default limits', rows: [figures] },
  ],
  invalid: [
    {
      name: 'every figure beyond its limit and the pain point, at the first such cell',
      rows: [invoice({ 'Drop-off': '45%', Sentiment: 'Frustrated', 'Pain point': 'Cannot find the PDF' })],
      expect: [
        {
          cell: 'Sentiment 2',
          message: '"Invoice email" is a friction point: sentiment "Frustrated" and drop-off 45% (limit 30%); pain point: "Cannot find the PDF"',
          fix: FIX,
          related: ['Drop-off 2', 'Pain point 2'],
        },
      ],
    },
    {
      name: 'one finding per persona and stage, listing its friction points with their words',
      rows: [
        invoice({ Persona: 'Admin', Sentiment: '😤', 'Pain point': 'SSO setup fails' }),
        invoice({ Persona: 'Admin', Touchpoint: 'Setup call', Sentiment: 'Confused' }),
        invoice({ Persona: 'Admin', Touchpoint: 'Setup guide', Sentiment: 'Happy' }),
        invoice({ Persona: 'Admin', Stage: 'Adoption', Touchpoint: 'Usage report', 'Drop-off': '50%' }),
        invoice({ Persona: 'Buyer', Touchpoint: 'Contract email', Sentiment: 'Annoyed' }),
      ],
      expect: [
        {
          cell: 'Sentiment 2',
          message:
            'Admin meets 2 friction points in Onboarding: "Invoice email" (sentiment "😤"; pain point: "SSO setup fails") and "Setup call" (sentiment "Confused")',
          fix: 'fix the causes, starting with the first, and measure again.',
          related: ['Pain point 2', 'Sentiment 3'],
          persona: 'Admin',
          stage: 'onboarding',
        },
        { cell: 'Drop-off 5', message: '"Usage report" is a friction point: drop-off 50% (limit 30%)' },
        { cell: 'Sentiment 6', message: '"Contract email" is a friction point: sentiment "Annoyed"' },
      ],
    },
    {
      name: 'an unsubscribe rate alone',
      rows: [invoice({ 'Unsubscribe rate': '2%' })],
      expect: [{ cell: 'Unsubscribe rate 2', messageIncludes: 'unsubscribe rate 2% (limit 1%)' }],
    },
    { name: 'an NPS alone', rows: [invoice({ NPS: -12 })], expect: [{ cell: 'NPS 2', messageIncludes: 'NPS -12 (limit 0)' }] },
    { name: 'a CSAT alone', rows: [invoice({ CSAT: 3 })], expect: [{ cell: 'CSAT 2', messageIncludes: 'CSAT 60% (limit 70%)' }] },
    { name: 'a sentiment alone', rows: [invoice({ Sentiment: -2 })], expect: [{ cell: 'Sentiment 2', messageIncludes: 'sentiment "-2"' }] },
    {
      name: 'each limit option',
      rows: [figures],
      options: { maxDropOffRate: 0.2, maxUnsubscribeRate: 0.005, minNps: 20, minCsat: 0.9, minSentiment: 1 },
      expect: [
        {
          cell: 'Sentiment 2',
          message:
            '"Invoice email" is a friction point: sentiment "Neutral", drop-off 25% (limit 20%), unsubscribe rate 0.8% (limit 0.5%), NPS 10 (limit 20) and CSAT 80% (limit 90%)',
          fix: FIX,
        },
      ],
    },
  ],
});

/** One answer on row `row` of the answers sheet (its quote in column F). */
const answer = (row: number, interviewee: string, stage: string, score: number, quote: string | null = null): InterviewAnswer => ({
  persona: 'inventory',
  interviewee,
  stage,
  touchpoint: null,
  question: null,
  quote,
  score,
  feeling: String(score),
  date: null,
  location: { file: 'answers.csv', sheet: null, row, column: 'F', cell: `F${row}` },
});
const kickoff = { Stage: 'Onboarding', Touchpoint: 'Kickoff call', Channel: 'Video call' };

ruleTester(frictionPoint, {
  valid: [
    {
      name: 'interviewees mostly content',
      rows: [kickoff],
      interviews: [answer(2, 'P1', 'onboarding', -2, 'Slow'), answer(3, 'P2', 'onboarding', 1), answer(4, 'P3', 'onboarding', 2)],
    },
    { name: 'one interviewee is too few', rows: [kickoff], interviews: [answer(2, 'P1', 'onboarding', -2, 'Lost')] },
    { name: 'no interviews', rows: [kickoff] },
  ],
  invalid: [
    {
      name: "a stage most interviewees felt negative in, quoting them, on the stage's first touchpoint",
      rows: [kickoff],
      interviews: [
        answer(2, 'P1', 'onboarding', -2, 'Felt lost after signing'),
        answer(3, 'P2', 'onboarding', -1, 'Nobody called'),
        answer(4, 'P3', 'onboarding', 1, 'Quick'),
      ],
      expect: [
        {
          cell: 'Stage 2',
          message: '2 of 3 interviewees (inventory) felt negative in Onboarding: "Felt lost after signing" and "Nobody called"',
          fix: 'find the cause in their words, change what they met there, and ask again after the change.',
          related: ['F2', 'F3', 'F4'],
        },
      ],
    },
    {
      name: 'the share and the fewest interviewees are options',
      rows: [kickoff],
      options: { interviewShare: 1, minInterviewees: 1 },
      interviews: [answer(2, 'P1', 'onboarding', -2)],
      expect: [{ cell: 'Stage 2', message: '1 of 1 interviewees (inventory) felt negative in Onboarding' }],
    },
  ],
});
