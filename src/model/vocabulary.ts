import type { Channel, Direction, Mode, StageModel, Status } from './schema.js';
import { cadenceRate } from './cadence.js';
import { SentimentLexicon } from './sentiment.js';
import { foldLabel, nearest } from './text.js';

/** The default lifecycle stages, in journey order, with the names teams use for them. */
export const DEFAULT_STAGE_MODEL: StageModel = {
  stages: [
    { id: 'awareness', label: 'Awareness', synonyms: ['conciencia', 'descubrimiento', 'reconocimiento', 'conhecimento', 'descoberta', 'consciencia', 'notoriete', 'notoriété', 'decouverte', 'découverte', 'bewusstsein', 'aufmerksamkeit', 'inspiration', 'consapevolezza', 'scoperta', 'bewustwording', 'ontdekking', '認知', '認知段階', '発見', '興味関心', 'attract', 'discovery', 'discover', 'reach', 'top of funnel', 'tofu', 'aware', 'discover', 'prospect', 'prospecting', 'lead generation', 'lead gen', 'pre-purchase', 'pre purchase', 'search', 'inspiration', 'need'] },
    { id: 'consideration', label: 'Consideration', synonyms: ['consideracion', 'consideración', 'evaluacion', 'evaluación', 'investigacion', 'consideracao', 'consideração', 'avaliacao', 'avaliação', 'pesquisa', 'evaluation', 'évaluation', 'recherche', 'erwagung', 'erwägung', 'bewertung', 'vergleich', 'considerazione', 'valutazione', 'overweging', 'orientatie', '検討', '比較検討', '比較', '情報収集', 'evaluation', 'evaluate', 'research', 'interest', 'consider', 'middle of funnel', 'mofu', 'nurture', 'lead nurturing', 'comparison', 'compare', 'education phase', 'trial evaluation', 'demo', 'shopping'] },
    { id: 'decision', label: 'Decision', synonyms: ['decision', 'decisión', 'compra', 'reserva', 'decisao', 'decisão', 'achat', 'réservation', 'reservation', 'entscheidung', 'kauf', 'buchung', 'decisione', 'acquisto', 'prenotazione', 'beslissing', 'aankoop', 'boeking', '購入', '決定', '申込', '予約', '契約', 'purchase', 'buy', 'close', 'closing', 'conversion', 'convert', 'sale', 'sales', 'bottom of funnel', 'bofu', 'decide', 'acquisition', 'acquire', 'checkout', 'signup', 'sign-up', 'sign up', 'booking', 'order', 'payment', 'trial conversion'] },
    { id: 'onboarding', label: 'Onboarding', synonyms: ['incorporacion', 'incorporación', 'bienvenida', 'activacion', 'activación', 'integracao', 'integração', 'boas-vindas', 'ativacao', 'ativação', 'integration', 'intégration', 'accueil', 'einarbeitung', 'einfuhrung', 'einführung', 'aktivierung', 'inserimento', 'benvenuto', 'attivazione', 'introductie', 'inwerken', '導入', 'オンボーディング', '初期設定', 'activation', 'activate', 'implementation', 'setup', 'welcome', 'onboard', 'getting started', 'post-purchase', 'post purchase', 'kickoff', 'kick-off', 'first use', 'first value'] },
    { id: 'adoption', label: 'Adoption', synonyms: ['uso', 'adopcion', 'adopción', 'utilizacion', 'utilização', 'adocao', 'adoção', 'utilisation', 'nutzung', 'verwendung', 'utilizzo', 'adozione', 'gebruik', '利用', '活用', '使用', 'engagement', 'engage', 'usage', 'use', 'value realization', 'education', 'service', 'customer service', 'use and support', 'ongoing use', 'habit'] },
    { id: 'retention', label: 'Retention', synonyms: ['retencion', 'retención', 'renovacion', 'renovación', 'fidelizacion', 'retencao', 'retenção', 'renovacao', 'renovação', 'fidelisation', 'renouvellement', 'kundenbindung', 'bindung', 'verlangerung', 'verlängerung', 'fidelizzazione', 'rinnovo', 'behoud', 'verlenging', '継続', '解約防止', '更新', 'renewal', 'renew', 'retain', 'loyalty program', 'churn prevention', 'win-back', 'win back', 'winback', 'churn', 'churned', 're-engagement', 'reengagement', 'reactivation', 'at risk', 'save', 'cancellation', 'lapsed'] },
    { id: 'expansion', label: 'Expansion', synonyms: ['expansion', 'expansión', 'crecimiento', 'expansao', 'expansão', 'crescimento', 'croissance', 'erweiterung', 'ausbau', 'espansione', 'crescita', 'uitbreiding', 'groei', '拡大', 'アップセル', 'upsell', 'up-sell', 'cross-sell', 'crosssell', 'growth', 'grow', 'expand', 'upgrade'] },
    { id: 'advocacy', label: 'Advocacy', synonyms: ['recomendacion', 'recomendación', 'fidelidad', 'lealtad', 'recomendacao', 'recomendação', 'lealdade', 'defensa', 'recommandation', 'fidelite', 'fidélité', 'empfehlung', 'weiterempfehlung', 'loyalitat', 'loyalität', 'raccomandazione', 'fedelta', 'fedeltà', 'aanbeveling', 'loyaliteit', '推奨', '共有', 'ファン化', '紹介', 'referral', 'refer', 'loyalty', 'advocate', 'promotion', 'evangelism', 'advocates', 'word of mouth', 'reviews and referrals', 'champion'] },
  ],
};

/** Channels, the spellings people actually type for them, which ones software can send, and which ones the customer can reach us through. */
export const CHANNELS: Channel[] = [
  { id: 'email', label: 'Email', synonyms: ['correo', 'correo electronico', 'correo electrónico', 'e-mail marketing', 'courriel', 'mail electronique', 'boletin', 'boletín', 'boletim', 'lettre d\'information', 'nieuwsbrief', 'posta elettronica', 'メール', 'メルマガ', 'eメール', '電子メール', 'e-mail', 'mail', 'emails', 'email newsletter', 'newsletter', 'email campaign', 'drip email', 'transactional email', 'edm', 'email sequence', 'drip', 'e-mails', 'mailing', 'mailer', 'lifecycle email', 'marketing email', 'automated email'], automatable: true, inbound: false },
  { id: 'sms', label: 'SMS', synonyms: ['mensaje de texto', 'mensagem de texto', 'texto', 'sms/whatsapp', 'line', 'ショートメッセージ', 'text', 'text message', 'texting', 'mms', 'whatsapp', 'whats app', 'messaging', 'sms reminder', 'text messages', 'sms/text'], automatable: true, inbound: false },
  { id: 'push', label: 'Push', synonyms: ['notificacion push', 'notificación push', 'notificacion', 'notificación', 'notificação', 'notificacao', 'notification push', 'push-benachrichtigung', 'benachrichtigung', 'notifica push', 'pushbericht', 'プッシュ通知', 'プッシュ', 'push notification', 'push notifications', 'mobile push', 'web push', 'app notification', 'notification', 'notifications', 'push message', 'mobile notification'], automatable: true, inbound: false },
  { id: 'in-app', label: 'In-app', synonyms: ['en la app', 'aplicacion', 'aplicación', 'aplicativo', 'app movil', 'app móvil', 'dans l\'app', 'application', 'in der app', 'nell\'app', 'in de app', 'アプリ', 'アプリ内', 'in app', 'in-app message', 'in-app messaging', 'product', 'in product', 'in-product', 'app', 'product tour', 'tooltip', 'modal', 'banner', 'mobile app', 'app store app', 'pwa', 'dashboard', 'admin console', 'console', 'portal', 'customer portal', 'in-product message', 'onboarding checklist', 'checklist', 'in-app tour', 'product ui', 'ui', 'software', 'platform', 'mobile'], automatable: true, inbound: false },
  { id: 'chat', label: 'Chat', synonyms: ['chat en vivo', 'chat ao vivo', 'chat en direct', 'live-chat', 'チャット', 'チャットボット', 'live chat', 'livechat', 'chatbot', 'chat bot', 'bot', 'intercom', 'messenger', 'web chat', 'conversational'], automatable: true, inbound: true },
  { id: 'phone', label: 'Phone', synonyms: ['telefono', 'teléfono', 'llamada', 'llamada telefonica', 'telefone', 'ligacao', 'ligação', 'telephone', 'téléphone', 'appel', 'appel telephonique', 'anruf', 'telefonat', 'telefon', 'telefoon', 'bellen', 'chiamata', 'telefonata', '電話', 'call', 'phone call', 'telephone', 'cold call', 'calls', 'hotline', 'call center', 'call centre', 'phone support', 'voice', 'ivr', 'callback'], automatable: false, inbound: false },
  { id: 'video-call', label: 'Video call', synonyms: ['videollamada', 'videochamada', 'visio', 'visioconference', 'visioconférence', 'videoanruf', 'videokonferenz', 'videochiamata', 'videobellen', 'ビデオ通話', 'オンライン会議', 'web会議', 'video', 'zoom', 'zoom call', 'teams call', 'google meet', 'meet', 'video meeting', 'virtual meeting', 'screen share', 'demo call', 'video conference', 'teams', 'webex', 'online meeting', 'kickoff call', 'kick-off call'], automatable: false, inbound: false },
  { id: 'in-person', label: 'In person', synonyms: ['presencial', 'en persona', 'cara a cara', 'en tienda', 'recepcion', 'recepción', 'pessoalmente', 'loja', 'en personne', 'en magasin', 'accueil', 'persönlich', 'personlich', 'vor ort', 'filiale', 'di persona', 'negozio', 'persoonlijk', 'winkel', 'balie', '対面', '店頭', '来店', 'フロント', 'reunion', 'reunión', 'reunião', 'besprechung', 'riunione', 'overleg', 'vergadering', 'in-person', 'face to face', 'f2f', 'onsite', 'on-site', 'on site', 'visit', 'site visit', 'meeting', 'store', 'in store', 'reception', 'technician', 'field service', 'in-person meeting', 'in person meeting', 'physical', 'store visit', 'branch', 'office', 'face-to-face', 'in-store', 'retail', 'counter', 'front desk', 'home visit'], automatable: false, inbound: false },
  { id: 'event', label: 'Event', synonyms: ['evento', 'evenement', 'événement', 'veranstaltung', 'messe', 'イベント', 'taller', 'atelier', 'events', 'conference', 'trade show', 'tradeshow', 'meetup', 'workshop', 'roadshow', 'user conference', 'trade fair', 'expo', 'summit', 'live event', 'in-person event', 'field event'], automatable: false, inbound: false },
  { id: 'webinar', label: 'Webinar', synonyms: ['seminario web', 'webinario', 'webinário', 'webinaire', 'ウェビナー', 'online-seminar', 'webinars', 'online event', 'virtual event', 'web seminar', 'livestream', 'live stream'], automatable: false, inbound: false },
  { id: 'website', label: 'Website', synonyms: ['sitio web', 'pagina web', 'página web', 'site web', 'page web', 'webseite', 'internetseite', 'sito', 'sito web', 'intranet', 'intranetpagina', 'ウェブサイト', 'webサイト', 'ホームページ', 'ecサイト', '比較サイト', 'web', 'web site', 'site', 'landing page', 'web page', 'webpage', 'homepage', 'pricing page', 'web form', 'form', '404 page', 'error page', 'online', 'web portal', 'microsite', 'pricing', 'checkout page', 'signup page', 'sign-up page', 'www', 'internet'], automatable: false, inbound: false },
  { id: 'blog', label: 'Blog', synonyms: ['articulo', 'artículo', 'artigo', 'artikel', 'articolo', 'blogartikel', 'ブログ', '記事', 'blog post', 'article', 'content', 'seo', 'organic search', 'blog article', 'articles', 'content marketing', 'ebook', 'e-book', 'whitepaper', 'white paper', 'guide', 'case study'], automatable: false, inbound: false },
  { id: 'social', label: 'Social', synonyms: ['redes sociales', 'redes sociais', 'reseaux sociaux', 'réseaux sociaux', 'soziale medien', 'sociale media', 'sns', 'ソーシャル', 'sns広告', 'social media', 'linkedin', 'twitter', 'x', 'facebook', 'instagram', 'youtube', 'tiktok', 'organic social', 'social network', 'socials', 'social post', 'threads', 'bluesky', 'pinterest', 'reddit'], automatable: false, inbound: false },
  { id: 'paid-ads', label: 'Paid ads', synonyms: ['publicidad', 'anuncios', 'publicidade', 'anuncios pagos', 'publicite', 'publicité', 'werbung', 'anzeigen', 'pubblicita', 'pubblicità', 'advertentie', 'advertenties', '広告', 'リスティング広告', 'paid', 'ads', 'advertising', 'paid social', 'ppc', 'sem', 'google ads', 'display', 'display ads', 'retargeting', 'paid search', 'sponsored', 'retargeting ads', 'remarketing', 'banner ads', 'programmatic', 'paid media', 'sea', 'google adwords', 'adwords', 'meta ads', 'linkedin ads', 'facebook ads', 'tv', 'television', 'tv ad', 'tv ads', 'radio', 'radio ad', 'billboard', 'billboards', 'ooh', 'out of home', 'out-of-home', 'print ad', 'print ads', 'ctv', 'connected tv', 'youtube ads'], automatable: false, inbound: false },
  { id: 'direct-mail', label: 'Direct mail', synonyms: ['correo postal', 'carta', 'correio', 'courrier', 'postwurf', 'lettera', 'ダイレクトメール', '郵送', 'dm', 'postal mail', 'post', 'letter', 'postcard', 'print mail', 'swag', 'gift', 'mail piece', 'catalog', 'catalogue', 'brochure', 'print', 'flyer', 'leaflet', 'welcome kit', 'welcome pack'], automatable: false, inbound: false },
  { id: 'help-center', label: 'Help center', synonyms: ['centro de ayuda', 'preguntas frecuentes', 'central de ajuda', 'centre d\'aide', 'hilfe-center', 'hilfecenter', 'wissensdatenbank', 'centro assistenza', 'helpcentrum', 'ヘルプセンター', 'よくある質問', 'help centre', 'knowledge base', 'kb', 'docs', 'documentation', 'faq', 'faqs', 'support site', 'help docs', 'self-service', 'self service', 'help center article', 'help article', 'support center', 'support portal', 'academy', 'tutorials', 'tutorial', 'guides'], automatable: false, inbound: true },
  { id: 'support-desk', label: 'Support desk', synonyms: ['soporte', 'suporte', 'assistance', 'support client', 'service client', 'kundenservice', 'kundendienst', 'assistenza', 'klantenservice', 'サポート', 'カスタマーサポート', 'お問い合わせ', 'help desk', 'helpdesk', 'support', 'support ticket', 'ticket', 'tickets', 'service desk', 'customer support', 'zendesk', 'support tickets', 'ticketing', 'case', 'support case', 'service request', 'support email', 'freshdesk'], automatable: false, inbound: true },
  { id: 'community', label: 'Community', synonyms: ['comunidad', 'comunidade', 'communaute', 'communauté', 'gemeinschaft', 'comunita', 'comunità', 'gemeenschap', 'コミュニティ', 'forum', 'forums', 'community forum', 'slack community', 'discord', 'user group', 'slack', 'online community', 'community forum post', 'user community', 'customer community'], automatable: false, inbound: true },
  { id: 'review-site', label: 'Review site', synonyms: ['resenas', 'reseñas', 'avaliacoes', 'avaliações', 'avis', 'bewertungen', 'recensioni', 'recensies', 'レビュー', '口コミ', 'google reviews', 'reviews', 'review', 'g2', 'capterra', 'trustpilot', 'app store', 'app store review', 'review platform', 'review sites', 'google reviews', 'yelp', 'play store'], automatable: false, inbound: false },
  { id: 'survey', label: 'Survey', synonyms: ['encuesta', 'pesquisa', 'questionario', 'questionário', 'enquete', 'enquête', 'sondage', 'umfrage', 'sondaggio', 'アンケート', 'nps survey', 'nps', 'csat', 'csat survey', 'feedback form', 'questionnaire', 'poll', 'feedback survey', 'customer survey', 'feedback', 'ces survey'], automatable: false, inbound: false },
  { id: 'podcast', label: 'Podcast', synonyms: ['podcasts', 'audio'], automatable: false, inbound: false },
  { id: 'word-of-mouth', label: 'Word of mouth', synonyms: ['word-of-mouth', 'wom', 'referral', 'referrals', 'referral program', 'recommendation', 'recommendations', 'friend', 'peer', 'colleague'], automatable: false, inbound: false },
  { id: 'system', label: 'System', synonyms: ['backend', 'back end', 'back-end', 'internal', 'internal system', 'crm', 'automation platform', 'database', 'api', 'webhook', 'background', 'behind the scenes'], automatable: true, inbound: false },
  { id: 'partner', label: 'Partner', synonyms: ['partners', 'reseller', 'affiliate', 'channel partner', 'agency', 'integrator', 'distributor', 'var', 'marketplace'], automatable: false, inbound: false },
];


const MODES: Record<Mode, string[]> = {
  ongoing: ['ongoing', 'always on', 'always-on', 'continuous', 'evergreen', 'self-serve', 'on demand', 'on-demand', 'passive', 'continuo', 'siempre activo', 'continuo', 'contínuo', 'continu', 'permanent', 'permanente', 'laufend', 'kontinuierlich', 'doorlopend', 'continu', '常時', '常設'],
  automatic: ['automatic', 'automated', 'auto', 'automation', 'triggered', 'scheduled', 'system', 'workflow', 'yes', 'y', 'true', 'automatically', 'auto-triggered', 'event-triggered', 'rule-based', 'drip', 'bot', 'sequence', 'automatico', 'automático', 'automatizado', 'automatica', 'automática', 'automatique', 'automatisé', 'automatise', 'automatisch', 'automatisiert', 'automatizzato', 'geautomatiseerd', 'automatisch verzonden', '自動', '自動配信'],
  manual: ['manual', 'manually', 'by hand', 'human', 'ad hoc', 'ad-hoc', 'one-off', 'personal', 'handwritten', 'no', 'n', 'false', '1:1', '1-1', 'one to one', 'one-to-one', 'personalised', 'personalized', 'human-led', 'hands-on', 'high touch', 'high-touch', 'manuel', 'manuell', 'manuale', 'handmatig', 'a mano', 'à la main', 'personal', 'persönlich', '手動', '個別'],
};

const DIRECTIONS: Record<Direction, string[]> = {
  inbound: ['inbound', 'in', 'incoming', 'pull', 'customer initiated', 'customer-initiated', 'reactive', 'inbound only', 'entrante', 'entrada', 'entrant', 'eingehend', 'in entrata', 'inkomend', 'インバウンド', '受信'],
  outbound: ['outbound', 'out', 'outgoing', 'push', 'company initiated', 'company-initiated', 'proactive', 'outbound only', 'we reach out', 'brand-initiated', 'sent', 'saliente', 'salida', 'saida', 'saída', 'sortant', 'ausgehend', 'in uscita', 'uitgaand', 'アウトバウンド', '発信'],
  both: ['both', 'two-way', 'two way', 'bidirectional', 'bi-directional', 'inbound + outbound', 'inbound & outbound', 'inbound and outbound', 'inbound/outbound', 'in/out', 'in & out', 'in + out', 'in and out', 'outbound + inbound', 'outbound/inbound', 'mutual', 'conversation', 'dialogue', '2-way', 'ambos', 'ambas', 'bidireccional', 'entrante/saliente', 'entrante y saliente', 'bidirecional', 'les deux', 'bidirectionnel', 'beide', 'beides', 'bidirektional', 'entrambi', 'bidirezionale', 'tweerichtings', '双方向'],
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
        const key = foldLabel(spelling);
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
    const id = this.byKey.get(foldLabel(text)) ?? null;
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
    const key = foldLabel(text);
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
  live: ['live', 'active', 'running', 'current', 'in use', 'on', 'launched', 'published', 'sent', 'done', 'activo', 'activa', 'ativo', 'ativa', 'actif', 'active', 'aktiv', 'attivo', 'actief', 'publicado', 'enviado', 'en ligne', 'envoye', 'envoyé', 'versendet', 'gesendet', 'inviato', 'verzonden', '稼働中', '実施中', '配信済み'],
  planned: ['planned', 'draft', 'proposed', 'idea', 'todo', 'to do', 'in progress', 'wip', 'backlog', 'upcoming', 'pilot', 'scheduled', 'future', 'to-be', 'planificado', 'planeado', 'previsto', 'programado', 'borrador', 'planejado', 'agendado', 'rascunho', 'prevu', 'prévu', 'planifie', 'planifié', 'brouillon', 'geplant', 'entwurf', 'pianificato', 'programmato', 'bozza', 'gepland', 'concept', '予定', '計画中', '下書き'],
  retired: ['retired', 'deprecated', 'paused', 'inactive', 'archived', 'sunset', 'sunsetted', 'stopped', 'off', 'discontinued', 'removed', 'retirado', 'pausado', 'inactivo', 'inativo', 'inactif', 'arrete', 'arrêté', 'eingestellt', 'pausiert', 'inattivo', 'gestopt', '停止', '廃止'],
};

/**
 * The values of a fixed vocabulary as templates and dropdowns show them, in order ("Inbound",
 * "Outbound", "Both"): one list, so a template never offers fewer values than journey reads.
 */
export function closedVocabularyChoices(field: 'mode' | 'direction' | 'status'): string[] {
  return closedVocabularyLabels(field).map((id) => id.charAt(0).toUpperCase() + id.slice(1));
}

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
  [/^(daily|every ?day|each day|per day|1x ?\/? ?day|once a day|diario|diaria|diariamente|todos los dias|cada dia|diário|diária|todos os dias|quotidien|quotidienne|chaque jour|tous les jours|taglich|täglich|jeden tag|giornaliero|giornaliera|quotidiano|ogni giorno|dagelijks|elke dag|毎日|日次)$/, 'daily'],
  [/^(weekly|every ?week|each week|per week|1x ?\/? ?week|once a week|semanal|semanalmente|cada semana|hebdomadaire|chaque semaine|wochentlich|wöchentlich|jede woche|settimanale|ogni settimana|wekelijks|elke week|毎週|週次|週1回)$/, 'weekly'],
  [/^(bi-?weekly|fortnightly|every (2|two|other) weeks?|quincenal|cada dos semanas|quinzenal|quinzenalmente|bimensuel|toutes les deux semaines|zweiwochentlich|zweiwöchentlich|alle zwei wochen|alle 2 wochen|quindicinale|ogni due settimane|tweewekelijks|om de week|隔週)$/, 'biweekly'],
  [/^(monthly|every ?month|each month|per month|1x ?\/? ?month|once a month|mensual|mensualmente|cada mes|mensal|mensalmente|mensuel|mensuelle|chaque mois|monatlich|jeden monat|mensile|ogni mese|maandelijks|elke maand|毎月|月次|月1回)$/, 'monthly'],
  [/^(quarterly|every (3|three) months|each quarter|per quarter|once a quarter|trimestral|trimestralmente|cada trimestre|trimestriel|trimestrielle|quartalsweise|vierteljahrlich|vierteljährlich|trimestrale|per kwartaal|elk kwartaal|四半期ごと|四半期)$/, 'quarterly'],
  [/^(yearly|annually|annual|every ?year|each year|per year|once a year|anual|anualmente|cada ano|cada año|annuel|annuelle|chaque annee|jahrlich|jährlich|annuale|jaarlijks|毎年|年次|年1回)$/, 'yearly'],
  [/^(\d+|twice|two|three|four|five|six) ?(x|times)? ?(a|per|\/|each|every) ?(day|week|month|quarter|year)$/, 'repeating'],
  // "every 2 days", "every three weeks": one touch per that many units.
  [/^every (\d+|two|three|four|five|six|other) (days?|weeks?|months?|quarters?|years?)$/, 'repeating'],
];
const ONE_OFF = /^(once|one[- ]?time|one[- ]?off|single|ad[- ]?hoc|on demand|on-demand|as needed|event|triggered|on trigger|on signup|on sign-up|when .*|after .*|upon .*|on .*)$/;

/** Reads a frequency cell into a cadence; text that names none is kept, marked not recurring. */
export function parseFrequency(text: string): { cadence: string | null; recurring: boolean } {
  const key = text.toLowerCase().replace(/\s+/g, ' ').trim();
  for (const [pattern, cadence] of CADENCES) if (pattern.test(key)) return { cadence, recurring: true };
  // "Every 2 days", "2x/week", "twice a month", "cada 2 días", "alle 3 Tage": a rate (cadence.ts reads it).
  if (cadenceRate(key) !== null) return { cadence: 'repeating', recurring: true };
  if (ONE_OFF.test(key)) return { cadence: /trigger|when|after|upon|^on /.test(key) ? 'triggered' : 'once', recurring: false };
  return { cadence: null, recurring: false };
}

/** The label of a channel id ("help-center" → "Help center"). */
export function channelLabel(channels: readonly Channel[], id: string | null): string {
  if (id === null) return 'an unknown channel';
  return channels.find((channel) => channel.id === id)?.label ?? id;
}
