/**
 * Text fingerprints for matching posts to materials: Russian text normalised, cut into word
 * shingles within each sentence, hashed to 32 bits, and summarised by a MinHash signature.
 *
 * Hand-written rather than a dependency: of the candidates on npm, `@sindresorhus/fnv1a` (3.1.0,
 * Node ≥ 16) would replace six lines and `minhash` (0.0.9, no engines, pre-1.0) little more.
 * FNV-1a over the UTF-16LE bytes hashes a shingle; murmur3's 32-bit finaliser, seeded, gives the
 * signature's hash functions.
 */

/**
 * Four words. Bigrams and trigrams are what a topic and the officials' set phrasing share: «хабаровского края», «в хабаровском
 * крае», «по хоккею с мячом», «участников специальной военной операции» recur across materials and
 * across an organization's own news on the same subject, so same-topic posts would score. Five or
 * more words make a sentence of 6–8 words yield only 2–4 shingles and let a single edited word
 * (a post's «края» for the material's «Хабаровского края») erase most of them. Shingles never span
 * sentences: a post reorders sentences and puts its own line before them, and a shingle across
 * such a seam would be noise in both texts.
 */
export const SHINGLE_WORDS = 4;
export const SIGNATURE_SIZE = 128;
/** Up to this many shingles the hashes are kept and containment is exact (a material of 1,500 characters has about 200). */
export const EXACT_LIMIT = 4096;

export interface TextFingerprint {
  /** Distinct shingles in the normalised text. */
  count: number;
  /** MinHash: per seeded hash function, the least hash over the shingles (0xffffffff when there are none). */
  signature: Uint32Array;
  /** The shingle hashes themselves, while there are at most EXACT_LIMIT of them. */
  hashes: ReadonlySet<number> | null;
}

const SCHEME_URL = /(?:https?:\/\/|www\.)\S+/giu;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu;
// Bare domains in the zones these pages link to (минспорт.рф, khv-region.test/news); tried only when
// such a zone occurs, as the pattern is the costliest step of normalisation.
const ZONE = /\.(?:ru|рф|su|com|org|net|me|test)(?![\p{L}\p{N}])/iu;
const BARE_DOMAIN =
  /(?<![\p{L}\p{N}@.-])[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:ru|рф|su|com|org|net|me|test)(?![\p{L}\p{N}])(?:\/\S*)?/giu;
const TAG_OR_MENTION = /[#@][\p{L}\p{N}_.]+/gu;
const SENTENCE_END = /[.!?…]+[»"')\]]*(?=\s|$)|\n+/u;

/** Lower case, ё→е, no URLs, hashtags, mentions, emoji or punctuation; letters and digits separated by single spaces. */
export function normalizeText(text: string): string {
  return splitSentences(text).join(' ');
}

/** The text's sentences (and lines), each normalised, empty ones left out. */
export function splitSentences(text: string): string[] {
  const addressless = text.replace(SCHEME_URL, ' ').replace(EMAIL, ' ');
  return (ZONE.test(addressless) ? addressless.replace(BARE_DOMAIN, ' ') : addressless)
    .replace(TAG_OR_MENTION, ' ')
    .split(SENTENCE_END)
    .map(normalizeSentence)
    .filter((sentence) => sentence !== '');
}

function normalizeSentence(sentence: string): string {
  return (
    sentence
      .normalize('NFC')
      .toLowerCase()
      .replaceAll('ё', 'е')
      // Stress marks, soft hyphens, zero-width joiners: inside a word, so removed rather than spaced.
      .replace(/[\p{M}\p{Cf}]/gu, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

/** Per sentence, the hashes of its shingles; a sentence shorter than a shingle (but of two words or more) is one. */
export function sentenceShingles(text: string): number[][] {
  return splitSentences(text).flatMap((sentence) => {
    const words = sentence.split(' ');
    if (words.length < 2) return [];
    if (words.length <= SHINGLE_WORDS) return [[fnv1a(sentence)]];
    const hashes: number[] = [];
    for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) hashes.push(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
    return [hashes];
  });
}

export function fingerprintText(text: string): TextFingerprint {
  return fingerprintShingles(new Set(sentenceShingles(text).flat()));
}

export function fingerprintShingles(shingles: ReadonlySet<number>): TextFingerprint {
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = fmix32(shingle ^ SEEDS[i]!);
      if (h < signature[i]!) signature[i] = h;
    }
  }
  return { count: shingles.size, signature, hashes: shingles.size <= EXACT_LIMIT ? shingles : null };
}

/**
 * |post ∩ material| / |post|: how much of the post is the material. Not Jaccard: a placement is a
 * few sentences of a material ten times its length, so their Jaccard is small even for a verbatim
 * excerpt; nor the material's containment in the post, which an excerpt never reaches. Exact
 * while both hash sets are kept; otherwise estimated from the signatures' Jaccard J, since
 * |A ∩ B| = J·(|A| + |B|) / (1 + J).
 */
export function containment(post: TextFingerprint, material: TextFingerprint): number {
  if (post.count === 0 || material.count === 0) return 0;
  if (post.hashes && material.hashes) {
    let shared = 0;
    for (const shingle of post.hashes) if (material.hashes.has(shingle)) shared++;
    return shared / post.count;
  }
  const j = jaccardEstimate(post, material);
  return Math.min(1, (j * (post.count + material.count)) / ((1 + j) * post.count));
}

export function jaccardEstimate(a: TextFingerprint, b: TextFingerprint): number {
  let equal = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a.signature[i] === b.signature[i]) equal++;
  return equal / SIGNATURE_SIZE;
}

/** 32-bit FNV-1a over the string's UTF-16LE bytes. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    h = Math.imul(h ^ (unit & 0xff), 0x01000193);
    h = Math.imul(h ^ (unit >>> 8), 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finaliser: a bijection on 32-bit integers that mixes every input bit into every output bit. */
function fmix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => fmix32(Math.imul(i + 1, 0x9e3779b9)));
