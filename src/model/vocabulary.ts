import type { Channel, Direction, Mode, StageModel, Status } from './schema.js';
import { SentimentLexicon } from './sentiment.js';
import { foldKey, nearest } from './text.js';

/** The default lifecycle stages, in journey order, with the names teams use for them. */
export const DEFAULT_STAGE_MODEL: StageModel = {
  stages: [
    { id: 'awareness', label: 'Awareness', synonyms: ['attract', 'discovery', 'discover', 'reach', 'top of funnel', 'tofu', 'aware', 'discover', 'prospect', 'prospecting', 'lead generation', 'lead gen', 'pre-purchase', 'pre purchase', 'search', 'inspiration', 'need'] },
    { id: 'consideration', label: 'Consideration', synonyms: ['evaluation', 'evaluate', 'research', 'interest', 'consider', 'middle of funnel', 'mofu', 'nurture', 'lead nurturing', 'comparison', 'compare', 'education phase', 'trial evaluation', 'demo', 'shopping'] },
    { id: 'decision', label: 'Decision', synonyms: ['purchase', 'buy', 'close', 'closing', 'conversion', 'convert', 'sale', 'sales', 'bottom of funnel', 'bofu', 'decide', 'acquisition', 'acquire', 'checkout', 'signup', 'sign-up', 'sign up', 'booking', 'order', 'payment', 'trial conversion'] },
    { id: 'onboarding', label: 'Onboarding', synonyms: ['activation', 'activate', 'implementation', 'setup', 'welcome', 'onboard', 'getting started', 'post-purchase', 'post purchase', 'kickoff', 'kick-off', 'first use', 'first value'] },
    { id: 'adoption', label: 'Adoption', synonyms: ['engagement', 'engage', 'usage', 'use', 'value realization', 'education', 'service', 'customer service', 'use and support', 'ongoing use', 'habit'] },
    { id: 'retention', label: 'Retention', synonyms: ['renewal', 'renew', 'retain', 'loyalty program', 'churn prevention', 'win-back', 'win back', 'winback', 'churn', 'churned', 're-engagement', 'reengagement', 'reactivation', 'at risk', 'save', 'cancellation', 'lapsed'] },
    { id: 'expansion', label: 'Expansion', synonyms: ['upsell', 'up-sell', 'cross-sell', 'crosssell', 'growth', 'grow', 'expand', 'upgrade'] },
    { id: 'advocacy', label: 'Advocacy', synonyms: ['referral', 'refer', 'loyalty', 'advocate', 'promotion', 'evangelism', 'advocates', 'word of mouth', 'reviews and referrals', 'champion'] },
  ],
};

/** Channels, the spellings people actually type for them, which ones software can send, and which ones the customer can reach us through. */
export const CHANNELS: Channel[] = [
  { id: 'email', label: 'Email', synonyms: ['e-mail', 'mail', 'emails', 'email newsletter', 'newsletter', 'email campaign', 'drip email', 'transactional email', 'edm', 'email sequence', 'drip', 'e-mails', 'mailing', 'mailer', 'lifecycle email', 'marketing email', 'automated email'], automatable: true, inbound: false },
  { id: 'sms', label: 'SMS', synonyms: ['text', 'text message', 'texting', 'mms', 'whatsapp', 'whats app', 'messaging', 'sms reminder', 'text messages', 'sms/text'], automatable: true, inbound: false },
  { id: 'push', label: 'Push', synonyms: ['push notification', 'push notifications', 'mobile push', 'web push', 'app notification', 'notification', 'notifications', 'push message', 'mobile notification'], automatable: true, inbound: false },
  { id: 'in-app', label: 'In-app', synonyms: ['in app', 'in-app message', 'in-app messaging', 'product', 'in product', 'in-product', 'app', 'product tour', 'tooltip', 'modal', 'banner', 'mobile app', 'app store app', 'pwa', 'dashboard', 'admin console', 'console', 'portal', 'customer portal', 'in-product message', 'onboarding checklist', 'checklist', 'in-app tour', 'product ui', 'ui', 'software', 'platform', 'mobile'], automatable: true, inbound: false },
  { id: 'chat', label: 'Chat', synonyms: ['live chat', 'livechat', 'chatbot', 'chat bot', 'bot', 'intercom', 'messenger', 'web chat', 'conversational'], automatable: true, inbound: true },
  { id: 'phone', label: 'Phone', synonyms: ['call', 'phone call', 'telephone', 'cold call', 'calls', 'hotline', 'call center', 'call centre', 'phone support', 'voice', 'ivr', 'callback'], automatable: false, inbound: false },
  { id: 'video-call', label: 'Video call', synonyms: ['video', 'zoom', 'zoom call', 'teams call', 'google meet', 'meet', 'video meeting', 'virtual meeting', 'screen share', 'demo call', 'video conference', 'teams', 'webex', 'online meeting', 'kickoff call', 'kick-off call'], automatable: false, inbound: false },
  { id: 'in-person', label: 'In person', synonyms: ['in-person', 'face to face', 'f2f', 'onsite', 'on-site', 'on site', 'visit', 'site visit', 'meeting', 'store', 'in store', 'reception', 'technician', 'field service', 'in-person meeting', 'in person meeting', 'physical', 'store visit', 'branch', 'office', 'face-to-face', 'in-store', 'retail', 'counter', 'front desk', 'home visit'], automatable: false, inbound: false },
  { id: 'event', label: 'Event', synonyms: ['events', 'conference', 'trade show', 'tradeshow', 'meetup', 'workshop', 'roadshow', 'user conference', 'trade fair', 'expo', 'summit', 'live event', 'in-person event', 'field event'], automatable: false, inbound: false },
  { id: 'webinar', label: 'Webinar', synonyms: ['webinars', 'online event', 'virtual event', 'web seminar', 'livestream', 'live stream'], automatable: false, inbound: false },
  { id: 'website', label: 'Website', synonyms: ['web', 'web site', 'site', 'landing page', 'web page', 'webpage', 'homepage', 'pricing page', 'web form', 'form', '404 page', 'error page', 'online', 'web portal', 'microsite', 'pricing', 'checkout page', 'signup page', 'sign-up page', 'www', 'internet'], automatable: false, inbound: false },
  { id: 'blog', label: 'Blog', synonyms: ['blog post', 'article', 'content', 'seo', 'organic search', 'blog article', 'articles', 'content marketing', 'ebook', 'e-book', 'whitepaper', 'white paper', 'guide', 'case study'], automatable: false, inbound: false },
  { id: 'social', label: 'Social', synonyms: ['social media', 'linkedin', 'twitter', 'x', 'facebook', 'instagram', 'youtube', 'tiktok', 'organic social', 'social network', 'socials', 'social post', 'threads', 'bluesky', 'pinterest', 'reddit'], automatable: false, inbound: false },
  { id: 'paid-ads', label: 'Paid ads', synonyms: ['paid', 'ads', 'advertising', 'paid social', 'ppc', 'sem', 'google ads', 'display', 'display ads', 'retargeting', 'paid search', 'sponsored', 'retargeting ads', 'remarketing', 'banner ads', 'programmatic', 'paid media', 'sea', 'google adwords', 'adwords', 'meta ads', 'linkedin ads', 'facebook ads', 'tv', 'television', 'tv ad', 'tv ads', 'radio', 'radio ad', 'billboard', 'billboards', 'ooh', 'out of home', 'out-of-home', 'print ad', 'print ads', 'ctv', 'connected tv', 'youtube ads'], automatable: false, inbound: false },
  { id: 'direct-mail', label: 'Direct mail', synonyms: ['postal mail', 'post', 'letter', 'postcard', 'print mail', 'swag', 'gift', 'mail piece', 'catalog', 'catalogue', 'brochure', 'print', 'flyer', 'leaflet', 'welcome kit', 'welcome pack'], automatable: false, inbound: false },
  { id: 'help-center', label: 'Help center', synonyms: ['help centre', 'knowledge base', 'kb', 'docs', 'documentation', 'faq', 'faqs', 'support site', 'help docs', 'self-service', 'self service', 'help center article', 'help article', 'support center', 'support portal', 'academy', 'tutorials', 'tutorial', 'guides'], automatable: false, inbound: true },
  { id: 'support-desk', label: 'Support desk', synonyms: ['help desk', 'helpdesk', 'support', 'support ticket', 'ticket', 'tickets', 'service desk', 'customer support', 'zendesk', 'support tickets', 'ticketing', 'case', 'support case', 'service request', 'support email', 'freshdesk'], automatable: false, inbound: true },
  { id: 'community', label: 'Community', synonyms: ['forum', 'forums', 'community forum', 'slack community', 'discord', 'user group', 'slack', 'online community', 'community forum post', 'user community', 'customer community'], automatable: false, inbound: true },
  { id: 'review-site', label: 'Review site', synonyms: ['reviews', 'review', 'g2', 'capterra', 'trustpilot', 'app store', 'app store review', 'review platform', 'review sites', 'google reviews', 'yelp', 'play store'], automatable: false, inbound: false },
  { id: 'survey', label: 'Survey', synonyms: ['nps survey', 'nps', 'csat', 'csat survey', 'feedback form', 'questionnaire', 'poll', 'feedback survey', 'customer survey', 'feedback', 'ces survey'], automatable: false, inbound: false },
  { id: 'podcast', label: 'Podcast', synonyms: ['podcasts', 'audio'], automatable: false, inbound: false },
  { id: 'word-of-mouth', label: 'Word of mouth', synonyms: ['word-of-mouth', 'wom', 'referral', 'referrals', 'referral program', 'recommendation', 'recommendations', 'friend', 'peer', 'colleague'], automatable: false, inbound: false },
  { id: 'system', label: 'System', synonyms: ['backend', 'back end', 'back-end', 'internal', 'internal system', 'crm', 'automation platform', 'database', 'api', 'webhook', 'background', 'behind the scenes'], automatable: true, inbound: false },
  { id: 'partner', label: 'Partner', synonyms: ['partners', 'reseller', 'affiliate', 'channel partner', 'agency', 'integrator', 'distributor', 'var', 'marketplace'], automatable: false, inbound: false },
];


const MODES: Record<Mode, string[]> = {
  ongoing: ['ongoing', 'always on', 'always-on', 'continuous', 'evergreen', 'self-serve', 'on demand', 'on-demand', 'passive'],
  automatic: ['automatic', 'automated', 'auto', 'automation', 'triggered', 'scheduled', 'system', 'workflow', 'yes', 'y', 'true', 'automatically', 'auto-triggered', 'event-triggered', 'rule-based', 'drip', 'bot', 'sequence'],
  manual: ['manual', 'manually', 'by hand', 'human', 'ad hoc', 'ad-hoc', 'one-off', 'personal', 'handwritten', 'no', 'n', 'false', '1:1', '1-1', 'one to one', 'one-to-one', 'personalised', 'personalized', 'human-led', 'hands-on', 'high touch', 'high-touch'],
};

const DIRECTIONS: Record<Direction, string[]> = {
  inbound: ['inbound', 'in', 'incoming', 'pull', 'customer initiated', 'customer-initiated', 'reactive', 'inbound only'],
  outbound: ['outbound', 'out', 'outgoing', 'push', 'company initiated', 'company-initiated', 'proactive', 'outbound only', 'we reach out', 'brand-initiated', 'sent'],
  both: ['both', 'two-way', 'two way', 'bidirectional', 'bi-directional', 'inbound + outbound', 'inbound & outbound', 'inbound and outbound', 'inbound/outbound', 'in/out', 'in & out', 'in + out', 'in and out', 'outbound + inbound', 'outbound/inbound', 'mutual', 'conversation', 'dialogue', '2-way'],
};

/** A lookup from folded spellings to canonical ids, with a suggestion for near misses. */
export class Vocabulary<Id extends string> {
  private readonly byKey = new Map<string, Id>();
  private readonly labels = new Map<Id, string>();
  /** Each key's spelling as first written, for messages ("knowledge base", not "knowledgebase"). */
  private readonly spellings = new Map<string, string>();

  constructor(entries: { id: Id; label: string; synonyms: string[] }[]) {
    for (const entry of entries) {
      this.labels.set(entry.id, entry.label);
      for (const spelling of [entry.id, entry.label, ...entry.synonyms]) {
        const key = foldKey(spelling);
        if (key !== '' && !this.byKey.has(key)) {
          this.byKey.set(key, entry.id);
          this.spellings.set(key, spelling);
        }
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
    return this.closest(text)?.label ?? null;
  }

  /**
   * The closest known spelling and its label, when it is close enough to be a typo of it: one edit
   * for a word of up to 8 letters, two up to 14, three beyond ("Onbaording" → Onboarding; "Boarding",
   * "Review" and "Online" suggest nothing). Words of under 4 letters get no suggestion.
   */
  closest(text: string): { label: string; spelling: string } | null {
    const key = foldKey(text);
    if (key.length < 4) return null;
    const known = nearest(key, this.byKey.keys(), key.length <= 8 ? 1 : key.length <= 14 ? 2 : 3);
    if (known === null) return null;
    return { label: this.labels.get(this.byKey.get(known)!)!, spelling: this.spellings.get(known) ?? known };
  }

  /** Every spelling journey reads as each id, as written (the id and label first), for documentation. */
  entries(): { id: Id; label: string; spellings: string[] }[] {
    const byId = new Map<Id, string[]>();
    for (const [key, id] of this.byKey) {
      const list = byId.get(id) ?? [];
      list.push(this.spellings.get(key) ?? key);
      byId.set(id, list);
    }
    return [...this.labels].map(([id, label]) => ({ id, label, spellings: byId.get(id) ?? [] }));
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
  /** Emotion words and emoji, scored on -2..+2 (sentiment.ts). */
  sentiments: SentimentLexicon;
}

/** Extra words a config gives the fixed vocabularies, by field and value. */
export interface ClosedSynonyms {
  mode?: Partial<Record<Mode, string[]>>;
  direction?: Partial<Record<Direction, string[]>>;
  status?: Partial<Record<Status, string[]>>;
}

/**
 * Builds the vocabularies for a stage model and channel list; modes, directions and statuses are fixed
 * sets the config can add words to (`extra`), and `sentimentWords` adds emotion words.
 */
export function buildVocabularies(stageModel: StageModel, channels: readonly Channel[], extra: ClosedSynonyms = {}, sentimentWords: Readonly<Record<string, number>> = {}): Vocabularies {
  // The config's words come first, so a team's own meaning of a word ("no" = ongoing) wins over journey's.
  const toEntries = <Id extends string>(map: Record<Id, string[]>, added: Partial<Record<Id, string[]>> = {}) => {
    const ids = Object.keys(map) as Id[];
    const configured = ids.map((id) => ({ id, label: id, synonyms: added[id] ?? [] }));
    return [...configured, ...ids.map((id) => ({ id, label: id, synonyms: map[id] }))];
  };
  return {
    stages: new Vocabulary(stageModel.stages),
    channels: new Vocabulary([...channels]),
    modes: new Vocabulary<Mode>(toEntries(MODES, extra.mode)),
    directions: new Vocabulary<Direction>(toEntries(DIRECTIONS, extra.direction)),
    statuses: new Vocabulary<Status>(toEntries(STATUSES, extra.status)),
    sentiments: new SentimentLexicon(sentimentWords),
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
  [/^(\d+|twice|two|three|four|five|six) ?(x|times)? ?(a|per|\/|each|every) ?(day|week|month|quarter|year)$/, 'repeating'],
  // "every 2 days", "every three weeks": one touch per that many units.
  [/^every (\d+|two|three|four|five|six|other) (days?|weeks?|months?|quarters?|years?)$/, 'repeating'],
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
