import type { Field } from './schema.js';

/**
 * The field catalogue: one entry per inventory column journey reads. Everything that lists fields
 * (header words, labels, the config's `columns`) derives from it; adding a column is one entry here
 * plus its reader (CONTRIBUTING, "A new column").
 *
 * `headerWords` is the header lexicon: what people write over the column, in English, Spanish,
 * Portuguese, French, German, Italian, Dutch and Japanese. They are matched folded (case, accents,
 * punctuation and spacing ignored), whole or as the words of a longer header ("Customer touchpoint",
 * "HOW (Channel/Tactic)"). English words come first: on a clash the first field that names a word keeps it.
 */
export interface FieldEntry {
  id: Field;
  /** How messages and templates name the column. */
  label: string;
  headerWords: readonly string[];
  /**
   * Words that name the field only when no other column's header does ("Action", "Email", "Content",
   * "Who", "How"): never a duplicate header, never taken over a header that names the field outright.
   */
  weakWords?: readonly string[];
}

export const FIELDS: readonly FieldEntry[] = [
  {
    id: 'stage',
    label: 'Stage',
    headerWords: [
      'stage', 'lifecycle stage', 'buying stage', 'journey stage', 'phase', 'customer stage', 'funnel stage', 'lifecycle', 'journey phase', 'lifecycle phase', 'funnel',
      'etapa', 'fase', 'etapa del viaje', 'etapa del cliente', 'fase del ciclo', 'etapa da jornada', 'fase da jornada', 'estagio',
      'etape', 'phase du parcours', 'etape du parcours', 'phasen', 'phase der journey', 'stufe', 'fase del percorso', 'tappa', 'fase van de reis', 'stadium',
      'ステージ', 'フェーズ', '段階', 'ステップ',
    ],
  },
  {
    id: 'touchpoint',
    label: 'Touchpoint',
    headerWords: [
      'touchpoint', 'touch point', 'communication', 'touchpoint name', 'activity', 'campaign', 'asset', 'name', 'communication name', 'message', 'touch', 'touches', 'communication piece', 'message name',
      'punto de contacto', 'puntos de contacto', 'mensaje', 'comunicacion', 'actividad', 'campana',
      'ponto de contato', 'pontos de contato', 'ponto de contacto', 'ponto', 'mensagem', 'comunicacao', 'atividade', 'campanha',
      'point de contact', 'points de contact', 'activite', 'campagne',
      'beruhrungspunkt', 'kontaktpunkt', 'massnahme', 'kommunikationsmassnahme', 'nachricht', 'aktivitat', 'kampagne',
      'punto di contatto', 'punti di contatto', 'messaggio', 'comunicazione', 'attivita', 'campagna',
      'contactmoment', 'contactpunt', 'bericht', 'boodschap', 'activiteit',
      'タッチポイント', '接点', '顧客接点',
    ],
    weakWords: [
      'action', 'email', 'email name', 'email type', 'interaction', 'step name', 'deliverable', 'tactic', 'play', 'what', 'item', 'event', 'flow', 'template', 'content', 'key message', 'purpose', 'topic',
      'accion', 'que', 'evento', 'contenido', 'mensaje clave', 'proposito', 'acao', 'marco', 'conteudo', 'quoi', 'contenu', 'objet', 'was', 'inhalt', 'zweck', 'azione', 'cosa', 'contenuto', 'actie', 'wat', 'inhoud',
      '施策', 'アクション', 'メッセージ', '内容', '概要',
    ],
  },
  {
    id: 'team',
    label: 'Team',
    headerWords: [
      'team', 'owner team', 'owning team', 'department', 'team responsible', 'responsible team', 'function', 'teams involved', 'owning department',
      'equipo', 'departamento', 'equipe', 'departamento responsavel', 'departement', 'abteilung', 'squadra', 'reparto', 'dipartimento', 'afdeling', 'チーム', '部署', '担当部署',
    ],
    weakWords: ['area', 'service', 'bereich'],
  },
  {
    id: 'channel',
    label: 'Channel',
    headerWords: [
      'channel', 'medium', 'channels', 'delivery channel', 'communication channel', 'channel tactic',
      'canal', 'canales', 'canal de comunicacion', 'canais', 'canal de comunicacao', 'canaux',
      'kanal', 'kanale', 'kommunikationskanal', 'medium kanal', 'canale', 'canali', 'canale di comunicazione', 'kanaal', 'kanalen',
      'チャネル', 'チャンネル', '媒体', '経路',
    ],
    weakWords: ['media', 'how', 'via', 'delivery', 'medio', 'meio', 'moyen', 'support', 'mezzo', 'middel'],
  },
  {
    id: 'mode',
    label: 'Mode',
    headerWords: [
      'mode', 'ongoing / automatic / manual', 'ongoing automatic manual', 'automation', 'type', 'automated or manual', 'auto', 'automated', 'automatic', 'manual or automated', 'auto or manual', 'trigger type',
      'automation level', 'delivery mode', 'automatizacion', 'modo', 'automatico o manual', 'automacao', 'automatique', 'automatisation', 'automatisierung', 'modus', 'automatizzazione', 'modalita', 'automatisering', '自動化', '手動自動',
    ],
    weakWords: ['execution', 'tipo', 'art', 'soort', '種別'],
  },
  {
    id: 'direction',
    label: 'Direction',
    headerWords: [
      'direction', 'inbound / outbound', 'inbound outbound', 'in/out', 'in out', 'inbound or outbound', 'push or pull', 'in or out', 'push pull', 'flow direction',
      'direccion', 'entrante saliente', 'sentido', 'direcao', 'entrada saida', 'sens', 'entrant sortant', 'richtung', 'eingehend ausgehend', 'direzione', 'entrata uscita', 'richting', 'inkomend uitgaand', '方向', 'インバウンドアウトバウンド',
    ],
  },
  {
    id: 'day',
    label: 'Day',
    headerWords: [
      'day', 'day offset', 'timing', 'send day', 'days after start', 'days', 'offset', 'when', 'timeline', 'time', 'week', 'delay', 'send time', 'trigger day', 'sent when', 'send date', 'cadence day',
      'dia', 'dias', 'cuando', 'momento', 'fecha de envio', 'calendario', 'plazo', 'cronograma', 'quando', 'data de envio', 'prazo', 'quand', 'jour', 'date d envoi', 'calendrier', 'delai',
      'tag', 'wann', 'zeitpunkt', 'termin', 'versanddatum', 'zeitplan', 'giorno', 'tempistica', 'scadenza', 'wanneer', 'dag', 'planning', 'moment van verzending',
      'タイミング', '時期', '日程', '配信日', '日付', 'いつ',
    ],
    weakWords: ['schedule', 'wait', 'trigger', 'launch date', 'go live', 'date', 'fecha', 'data', 'datum', 'deadline'],
  },
  {
    id: 'frequency',
    label: 'Frequency',
    headerWords: ['frequency', 'cadence', 'how often', 'recurrence', 'frecuencia', 'periodicidad', 'frequencia', 'periodicidade', 'frequence', 'haufigkeit', 'frequenz', 'rhythmus', 'turnus', 'frequenza', 'cadenza', 'frequentie', 'ritme', '頻度', '配信頻度'],
  },
  {
    id: 'persona',
    label: 'Persona',
    headerWords: [
      'persona', 'segment', 'personas', 'audience segment', 'customer segment', 'target persona', 'target group',
      'publico objetivo', 'audiencia', 'segmento', 'publico alvo', 'cible', 'zielgruppe', 'doelgroep', 'ペルソナ', 'ターゲット', 'セグメント',
    ],
    weakWords: ['to whom', 'who for', 'target', 'recipient', 'recipients', 'stakeholder', 'stakeholders', 'publico', 'destinatario', 'destinatarios', 'destinataire', 'public', 'empfanger', 'stakeholder gruppe', 'pubblico', 'destinatari', 'ontvanger', '対象'],
  },
  {
    id: 'kpi',
    label: 'KPI',
    headerWords: ['kpi', 'kpis', 'metric', 'success metric', 'key metric', 'measure', 'indicador', 'metrica', 'indicateur', 'kennzahl', 'messgrosse', 'indicatore', 'metriek', '指標', 'kgi'],
  },
  {
    id: 'notes',
    label: 'Notes',
    headerWords: ['notes', 'note', 'comments', 'comment', 'description', 'notas', 'comentarios', 'descripcion', 'observaciones', 'observacoes', 'descricao', 'remarques', 'commentaires', 'bemerkungen', 'notizen', 'beschreibung', 'kommentar', 'note', 'commenti', 'descrizione', 'opmerkingen', 'beschrijving', 'toelichting', '備考', 'メモ', '説明', '概要'],
  },
  {
    id: 'owner',
    label: 'Owner',
    headerWords: [
      'owner', 'dri', 'owner name', 'responsible', 'responsible person', 'accountable', 'contact person', 'who owns it', 'owned by', 'assignee',
      'responsable', 'dueno', 'encargado', 'responsavel', 'dono', 'proprietaire', 'verantwortlich', 'verantwortliche', 'zustandig', 'eigentumer', 'ansprechpartner', 'responsabile', 'referente', 'eigenaar', 'verantwoordelijke', '担当', '担当者', '責任者', 'オーナー',
    ],
    weakWords: ['who', 'sender', 'from', 'lead', 'quien', 'quem', 'qui', 'wer', 'chi', 'wie', 'freigegeben von', 'approved by'],
  },
  {
    id: 'audience',
    label: 'Audience',
    headerWords: ['audience size', 'volume', 'recipients', 'list size', 'contacts', 'reach size', 'reach', 'tamano de audiencia', 'alcance', 'tamanho da audiencia', 'taille audience', 'portee', 'reichweite', 'empfangerzahl', 'portata', 'bereik', 'omvang', '対象者数', 'リーチ'],
  },
  { id: 'sent', label: 'Sent', headerWords: ['sends', 'delivered', 'number sent', 'emails sent', 'enviados', 'envios', 'envoyes', 'gesendet', 'versendet', 'inviati', 'verzonden', '配信数', '送信数'] },
  { id: 'opens', label: 'Open rate', headerWords: ['opens', 'open rate', 'open %', 'opened', 'open rate %', 'tasa de apertura', 'aperturas', 'taxa de abertura', 'taux d ouverture', 'offnungsrate', 'tasso di apertura', 'open ratio', 'openingspercentage', '開封率'] },
  { id: 'clicks', label: 'Click rate', headerWords: ['clicks', 'click rate', 'ctr', 'click-through rate', 'click through rate', 'clicked', 'tasa de clics', 'clics', 'taxa de cliques', 'cliques', 'taux de clic', 'klickrate', 'klicks', 'tasso di clic', 'klikratio', 'クリック率'] },
  { id: 'conversion', label: 'Conversion rate', headerWords: ['conversion', 'conversion rate', 'conversions', 'cvr', 'conv rate', 'converted', 'conv', 'conv %', 'tasa de conversion', 'conversion %', 'taxa de conversao', 'conversao', 'taux de conversion', 'konversionsrate', 'konversion', 'tasso di conversione', 'conversie', 'conversieratio', 'コンバージョン率', 'cv率'] },
  { id: 'dropOff', label: 'Drop-off rate', headerWords: ['drop-off', 'drop off', 'dropoff', 'drop-off rate', 'drop off rate', 'abandonment', 'abandonment rate', 'churn rate', 'tasa de abandono', 'abandono', 'taxa de abandono', 'taux d abandon', 'abbruchrate', 'absprungrate', 'tasso di abbandono', 'uitval', '離脱率'] },
  { id: 'unsubscribe', label: 'Unsubscribe rate', headerWords: ['unsubscribe', 'unsubscribes', 'unsubscribe rate', 'unsub rate', 'opt-out rate', 'opt out rate', 'bajas', 'descadastros', 'desinscriptions', 'abmeldungen', 'disiscrizioni', 'afmeldingen', '配信停止率'] },
  { id: 'nps', label: 'NPS', headerWords: ['nps', 'net promoter score'] },
  { id: 'csat', label: 'CSAT', headerWords: ['csat', 'customer satisfaction', 'satisfaction', 'csat score', 'satisfaccion', 'satisfacao', 'zufriedenheit', 'soddisfazione', 'tevredenheid', '満足度'] },
  {
    id: 'sentiment',
    label: 'Sentiment',
    headerWords: [
      'sentiment', 'emotion', 'feeling', 'customer feeling', 'mood', 'customer emotion', 'emotions', 'feelings', 'how the customer feels', 'how customers feel', 'customer feels', 'how they feel', 'emotional state',
      'emocion', 'emociones', 'sentimiento', 'emocao', 'emocoes', 'sentimento', 'emotion client', 'ressenti', 'gefuhl', 'emotionen', 'stimmung', 'emozione', 'emozioni', 'emotie', 'gevoel', '感情', '気持ち', '感情曲線', '思考感情',
    ],
  },
  { id: 'painPoint', label: 'Pain point', headerWords: ['pain point', 'pain points', 'painpoint', 'friction', 'pain', 'reported friction', 'punto de dolor', 'puntos de dolor', 'friccion', 'ponto de dor', 'dor', 'point de douleur', 'irritant', 'schmerzpunkt', 'reibungspunkt', 'punto critico', 'pijnpunt', '課題', 'ペインポイント', '問題', '問題課題要求'] },
  { id: 'lastReviewed', label: 'Last reviewed', headerWords: ['last reviewed', 'reviewed', 'review date', 'last review', 'reviewed on', 'last updated', 'ultima revision', 'ultima revisao', 'derniere revue', 'zuletzt gepruft', 'ultima revisione', 'laatst herzien', '最終確認日'] },
  { id: 'status', label: 'Status', headerWords: ['status', 'state', 'touchpoint status', 'estado', 'situacao', 'statut', 'etat', 'zustand', 'stato', 'staat', 'ステータス', '状態'] },
  // The event a touchpoint is measured by in an event log (journey measure).
  { id: 'event', label: 'Event', headerWords: ['events', 'event name', 'event names', 'tracking event', 'tracked event', 'analytics event', 'log event', 'events in the log'] },
];

/** The catalogue entry of each field. */
export const FIELD_BY_ID: Readonly<Record<Field, FieldEntry>> = Object.fromEntries(FIELDS.map((entry) => [entry.id, entry])) as Record<Field, FieldEntry>;
