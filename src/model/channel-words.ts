import type { Channel } from './schema.js';
import { foldKey, foldedWords } from './text.js';

/**
 * Channel spellings too vague to name a channel inside a touchpoint name: as a Channel cell "Post" is
 * direct mail, but "LinkedIn post" is social and "Quarterly business review" is no review site.
 */
const VAGUE = new Set(
  [
    'product',
    'ui',
    'software',
    'platform',
    'mobile',
    'console',
    'content',
    'guide',
    'guides',
    'case',
    'post',
    'print',
    'feedback',
    'review',
    'reviews',
    'friend',
    'peer',
    'colleague',
    'internal',
    'background',
    'api',
    'database',
    'crm',
    'site',
    'pricing',
    'meet',
    'teams',
    'video',
    'visit',
    'office',
    'counter',
    'paid',
    'display',
    'sea',
    'x',
    'threads',
    'var',
    'audio',
    'online',
    'store',
    'physical',
    'agency',
    'reception',
    'retail',
    'voice',
    'recommendation',
    'recommendations',
    'messaging',
    'order',
    'system',
    'gift',
    'integrator',
    'distributor',
    'marketplace',
    'internet',
    'form',
    'mail piece',
  ].map(foldKey),
);

/** Longest run of words matched as one channel name ("in-person event", "push notification"). */
const MAX_RUN = 3;
/** Longest touchpoint name read for channel words. */
const MAX_NAME = 200;

/**
 * Reads the channel a touchpoint name speaks of ("Welcome email", "Kickoff call", "Retargeting ads"),
 * for a table with no channel column, by word runs matched against the channel vocabulary (config
 * channels included).
 */
export class ChannelWords {
  private readonly byKey = new Map<string, string>();
  private readonly seen = new Map<string, string | null>();

  constructor(channels: readonly Channel[]) {
    for (const channel of channels) {
      for (const spelling of [channel.id, channel.label, ...channel.synonyms]) {
        const key = foldKey(spelling);
        if (key !== '' && !VAGUE.has(key) && !this.byKey.has(key)) this.byKey.set(key, channel.id);
      }
    }
  }

  /**
   * The channel id a name speaks of, or null. With several channel words the longest phrase wins, then
   * the last one: the head of an English compound says what it is ("Webinar invite email" is an email).
   */
  channelOf(name: string): string | null {
    const cached = this.seen.get(name);
    if (cached !== undefined) return cached;
    const channel = name.length > MAX_NAME ? null : this.read(name);
    if (this.seen.size < 10_000) this.seen.set(name, channel);
    return channel;
  }

  private read(name: string): string | null {
    const words = foldedWords(name);
    let best: { id: string; length: number } | null = null;
    for (let start = 0; start < words.length; start++) {
      for (let length = Math.min(MAX_RUN, words.length - start); length >= 1; length--) {
        const id = this.lookup(words.slice(start, start + length).join(''));
        if (id === null) continue;
        if (best === null || length >= best.length) best = { id, length };
        break;
      }
    }
    return best?.id ?? null;
  }

  /** A folded run of words, as written or with its plural's "s" added or taken off ("Facebook ad", "reminder texts"). */
  private lookup(key: string): string | null {
    return this.byKey.get(key) ?? this.byKey.get(`${key}s`) ?? (key.length > 3 && key.endsWith('s') ? this.byKey.get(key.slice(0, -1)) : undefined) ?? null;
  }
}
