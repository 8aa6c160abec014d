import type { Channel, Direction, Mode, StageModel, Status } from './schema.js';
import { foldKey, nearest } from './text.js';

/** The default lifecycle stages, in journey order, with the names teams use for them. */
export const DEFAULT_STAGE_MODEL: StageModel = {
  stages: [
    { id: 'awareness', label: 'Awareness', synonyms: ['attract', 'discovery', 'discover', 'reach', 'top of funnel', 'tofu', 'aware'] },
    { id: 'consideration', label: 'Consideration', synonyms: ['evaluation', 'evaluate', 'research', 'interest', 'consider', 'middle of funnel', 'mofu', 'nurture', 'lead nurturing'] },
    { id: 'decision', label: 'Decision', synonyms: ['purchase', 'buy', 'close', 'closing', 'conversion', 'convert', 'sale', 'sales', 'bottom of funnel', 'bofu', 'decide'] },
    { id: 'onboarding', label: 'Onboarding', synonyms: ['activation', 'activate', 'implementation', 'setup', 'welcome', 'onboard', 'getting started'] },
    { id: 'adoption', label: 'Adoption', synonyms: ['engagement', 'engage', 'usage', 'use', 'value realization', 'education'] },
    { id: 'retention', label: 'Retention', synonyms: ['renewal', 'renew', 'retain', 'loyalty program', 'churn prevention'] },
    { id: 'expansion', label: 'Expansion', synonyms: ['upsell', 'up-sell', 'cross-sell', 'crosssell', 'growth', 'grow', 'expand', 'upgrade'] },
    { id: 'advocacy', label: 'Advocacy', synonyms: ['referral', 'refer', 'loyalty', 'advocate', 'promotion', 'evangelism'] },
  ],
};

/** Channels, the spellings people actually type for them, which ones software can send, and which ones the customer can reach us through. */
export const CHANNELS: Channel[] = [
  { id: 'email', label: 'Email', synonyms: ['e-mail', 'mail', 'emails', 'email newsletter', 'newsletter', 'email campaign', 'drip email', 'transactional email', 'edm'], automatable: true, inbound: false },
  { id: 'sms', label: 'SMS', synonyms: ['text', 'text message', 'texting', 'mms', 'whatsapp', 'whats app', 'messaging'], automatable: true, inbound: false },
  { id: 'push', label: 'Push', synonyms: ['push notification', 'push notifications', 'mobile push', 'web push', 'app notification'], automatable: true, inbound: false },
  { id: 'in-app', label: 'In-app', synonyms: ['in app', 'in-app message', 'in-app messaging', 'product', 'in product', 'in-product', 'app', 'product tour', 'tooltip', 'modal', 'banner'], automatable: true, inbound: false },
  { id: 'chat', label: 'Chat', synonyms: ['live chat', 'livechat', 'chatbot', 'chat bot', 'bot', 'intercom', 'messenger', 'web chat', 'conversational'], automatable: true, inbound: true },
  { id: 'phone', label: 'Phone', synonyms: ['call', 'phone call', 'telephone', 'cold call', 'calls', 'hotline', 'call center', 'call centre'], automatable: false, inbound: false },
  { id: 'video-call', label: 'Video call', synonyms: ['video', 'zoom', 'zoom call', 'teams call', 'google meet', 'meet', 'video meeting', 'virtual meeting', 'screen share', 'demo call'], automatable: false, inbound: false },
  { id: 'in-person', label: 'In person', synonyms: ['in-person', 'face to face', 'f2f', 'onsite', 'on-site', 'on site', 'visit', 'site visit', 'meeting', 'store', 'in store', 'reception', 'technician', 'field service'], automatable: false, inbound: false },
  { id: 'event', label: 'Event', synonyms: ['events', 'conference', 'trade show', 'tradeshow', 'meetup', 'workshop', 'roadshow', 'user conference'], automatable: false, inbound: false },
  { id: 'webinar', label: 'Webinar', synonyms: ['webinars', 'online event', 'virtual event', 'web seminar', 'livestream', 'live stream'], automatable: false, inbound: false },
  { id: 'website', label: 'Website', synonyms: ['web', 'web site', 'site', 'landing page', 'web page', 'webpage', 'homepage', 'pricing page', 'web form', 'form', '404 page', 'error page'], automatable: false, inbound: false },
  { id: 'blog', label: 'Blog', synonyms: ['blog post', 'article', 'content', 'seo', 'organic search'], automatable: false, inbound: false },
  { id: 'social', label: 'Social', synonyms: ['social media', 'linkedin', 'twitter', 'x', 'facebook', 'instagram', 'youtube', 'tiktok', 'organic social'], automatable: false, inbound: false },
  { id: 'paid-ads', label: 'Paid ads', synonyms: ['paid', 'ads', 'advertising', 'paid social', 'ppc', 'sem', 'google ads', 'display', 'display ads', 'retargeting', 'paid search', 'sponsored'], automatable: false, inbound: false },
  { id: 'direct-mail', label: 'Direct mail', synonyms: ['postal mail', 'post', 'letter', 'postcard', 'print mail', 'swag', 'gift'], automatable: false, inbound: false },
  { id: 'help-center', label: 'Help center', synonyms: ['help centre', 'knowledge base', 'kb', 'docs', 'documentation', 'faq', 'faqs', 'support site', 'help docs', 'self-service', 'self service'], automatable: false, inbound: true },
  { id: 'support-desk', label: 'Support desk', synonyms: ['help desk', 'helpdesk', 'support', 'support ticket', 'ticket', 'tickets', 'service desk', 'customer support', 'zendesk'], automatable: false, inbound: true },
  { id: 'community', label: 'Community', synonyms: ['forum', 'forums', 'community forum', 'slack community', 'discord', 'user group'], automatable: false, inbound: true },
  { id: 'review-site', label: 'Review site', synonyms: ['reviews', 'review', 'g2', 'capterra', 'trustpilot', 'app store', 'app store review', 'review platform'], automatable: false, inbound: false },
  { id: 'survey', label: 'Survey', synonyms: ['nps survey', 'nps', 'csat', 'csat survey', 'feedback form', 'questionnaire', 'poll'], automatable: false, inbound: false },
  { id: 'podcast', label: 'Podcast', synonyms: ['podcasts', 'audio'], automatable: false, inbound: false },
  { id: 'partner', label: 'Partner', synonyms: ['partners', 'reseller', 'affiliate', 'channel partner', 'agency'], automatable: false, inbound: false },
];


const MODES: Record<Mode, string[]> = {
  ongoing: ['ongoing', 'always on', 'always-on', 'continuous', 'evergreen', 'self-serve', 'on demand', 'on-demand', 'passive'],
  automatic: ['automatic', 'automated', 'auto', 'automation', 'triggered', 'scheduled', 'system', 'workflow'],
  manual: ['manual', 'manually', 'by hand', 'human', 'ad hoc', 'ad-hoc', 'one-off', 'personal', 'handwritten'],
};

const DIRECTIONS: Record<Direction, string[]> = {
  inbound: ['inbound', 'in', 'incoming', 'pull', 'customer initiated', 'customer-initiated', 'reactive', 'inbound only'],
  outbound: ['outbound', 'out', 'outgoing', 'push', 'company initiated', 'company-initiated', 'proactive', 'outbound only'],
};

/** A lookup from folded spellings to canonical ids, with a suggestion for near misses. */
export class Vocabulary<Id extends string> {
  private readonly byKey = new Map<string, Id>();
  private readonly labels = new Map<Id, string>();

  constructor(entries: { id: Id; label: string; synonyms: string[] }[]) {
    for (const entry of entries) {
      this.labels.set(entry.id, entry.label);
      for (const spelling of [entry.id, entry.label, ...entry.synonyms]) {
        const key = foldKey(spelling);
        if (key !== '' && !this.byKey.has(key)) this.byKey.set(key, entry.id);
      }
    }
  }

  /** The canonical id for a spelling, or null. */
  lookup(text: string): Id | null {
    // Inventories repeat the same few spellings on every row; each is folded once.
    const cached = this.seen.get(text);
    if (cached !== undefined) return cached;
    const id = this.byKey.get(foldKey(text)) ?? null;
    if (this.seen.size < 10_000) this.seen.set(text, id);
    return id;
  }

  private readonly seen = new Map<string, Id | null>();

  /** The label of the closest known spelling, when one is close enough to be a typo. */
  suggest(text: string): string | null {
    const key = foldKey(text);
    if (key.length < 3) return null;
    const known = nearest(key, this.byKey.keys(), key.length <= 5 ? 1 : key.length <= 10 ? 2 : 3);
    return known === null ? null : this.labels.get(this.byKey.get(known)!)!;
  }

  /** Human label for an id. */
  label(id: Id): string {
    return this.labels.get(id) ?? id;
  }

  /** All canonical labels, for messages. */
  allLabels(): string[] {
    return [...this.labels.values()];
  }
}

const STATUSES: Record<Status, string[]> = {
  live: ['live', 'active', 'running', 'current', 'in use', 'on', 'launched', 'published'],
  planned: ['planned', 'draft', 'proposed', 'idea', 'todo', 'to do', 'in progress', 'wip', 'backlog', 'upcoming', 'pilot'],
  retired: ['retired', 'deprecated', 'paused', 'inactive', 'archived', 'sunset', 'sunsetted', 'stopped', 'off', 'discontinued', 'removed'],
};

/** Words teams write for how a customer feels, on the -2..+2 scale. */
const SENTIMENTS: Record<'-2' | '-1' | '0' | '1' | '2', string[]> = {
  '-2': ['very negative', 'angry', 'furious', 'very frustrated', 'very unhappy', 'hate', 'terrible', 'awful', 'despair'],
  '-1': ['negative', 'frustrated', 'frustrating', 'annoyed', 'confused', 'anxious', 'unhappy', 'disappointed', 'worried', 'stressed', 'overwhelmed', 'bored', 'sad', 'bad', 'poor', 'irritated', 'uncertain', 'impatient'],
  '0': ['neutral', 'ok', 'okay', 'fine', 'indifferent', 'mixed', 'meh', 'curious'],
  '1': ['positive', 'satisfied', 'happy', 'pleased', 'good', 'confident', 'content', 'relieved', 'interested', 'hopeful', 'engaged'],
  '2': ['very positive', 'delighted', 'thrilled', 'excited', 'love', 'loves', 'great', 'excellent', 'ecstatic', 'very happy', 'amazed'],
};

/** The labels of a fixed vocabulary, in order (for messages). */
export function closedVocabularyLabels(field: 'mode' | 'direction' | 'status'): string[] {
  return Object.keys(field === 'mode' ? MODES : field === 'direction' ? DIRECTIONS : STATUSES);
}

/** The vocabularies a normalize run matches values against. */
export interface Vocabularies {
  stages: Vocabulary<string>;
  channels: Vocabulary<string>;
  modes: Vocabulary<Mode>;
  directions: Vocabulary<Direction>;
  statuses: Vocabulary<Status>;
  sentiments: Vocabulary<keyof typeof SENTIMENTS>;
}

/** Builds the vocabularies for a stage model and channel list (modes, directions, statuses and sentiments are fixed). */
export function buildVocabularies(stageModel: StageModel, channels: readonly Channel[]): Vocabularies {
  const toEntries = <Id extends string>(map: Record<Id, string[]>) =>
    (Object.entries(map) as [Id, string[]][]).map(([id, synonyms]) => ({ id, label: id, synonyms }));
  return {
    stages: new Vocabulary(stageModel.stages),
    channels: new Vocabulary([...channels]),
    modes: new Vocabulary<Mode>(toEntries(MODES)),
    directions: new Vocabulary<Direction>(toEntries(DIRECTIONS)),
    statuses: new Vocabulary<Status>(toEntries(STATUSES)),
    sentiments: new Vocabulary(toEntries(SENTIMENTS)),
  };
}

/** Strips list numbering teams put before stage names ("1. Awareness", "Stage 3 – Decision"). */
export function stripStageNumbering(text: string): string {
  return text.replace(/^\s*(?:stage|phase|step)?\s*\d+\s*[.):\-–—]?\s*/i, '');
}

const CADENCES: [RegExp, string][] = [
  [/^(daily|every ?day|each day|per day|1x ?\/? ?day|once a day)$/, 'daily'],
  [/^(weekly|every ?week|each week|per week|1x ?\/? ?week|once a week)$/, 'weekly'],
  [/^(bi-?weekly|fortnightly|every (2|two|other) weeks?)$/, 'biweekly'],
  [/^(monthly|every ?month|each month|per month|1x ?\/? ?month|once a month)$/, 'monthly'],
  [/^(quarterly|every (3|three) months|each quarter|per quarter|once a quarter)$/, 'quarterly'],
  [/^(yearly|annually|annual|every ?year|each year|per year|once a year)$/, 'yearly'],
  [/^(\d+) ?(x|times)? ?(a|per|\/) ?(day|week|month|quarter|year)$/, 'repeating'],
];
const ONE_OFF = /^(once|one[- ]?time|one[- ]?off|single|ad[- ]?hoc|on demand|on-demand|as needed|event|triggered|on trigger|on signup|on sign-up|when .*|after .*|upon .*|on .*)$/;

/** Reads a frequency cell into a cadence; text that names none is kept, marked not recurring. */
export function parseFrequency(text: string): { cadence: string | null; recurring: boolean } {
  const key = text.toLowerCase().replace(/\s+/g, ' ').trim();
  for (const [pattern, cadence] of CADENCES) if (pattern.test(key)) return { cadence, recurring: true };
  if (ONE_OFF.test(key)) return { cadence: /trigger|when|after|upon|^on /.test(key) ? 'triggered' : 'once', recurring: false };
  return { cadence: null, recurring: false };
}

/** The label of a channel id ("help-center" → "Help center"). */
export function channelLabel(channels: readonly Channel[], id: string | null): string {
  if (id === null) return 'an unknown channel';
  return channels.find((channel) => channel.id === id)?.label ?? id;
}
