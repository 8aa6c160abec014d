// The normalizer lives in ./normalize/ (table walk, row reader, value readers); this is its public entry.
export { DEFAULT_NORMALIZE_SETTINGS, Normalizer, normalize, type NormalizeSettings } from './normalize/index.js';
