/**
 * Does a post on a recipient's page place a material? Three kinds of evidence, the strongest
 * wins: a link to one of the material's addresses, the post's text contained in the material's,
 * or a photo whose perceptual hash is near one of the material's. Scores at or above
 * AUTO_THRESHOLD count at once; from SUGGEST_THRESHOLD up an officer is asked to confirm.
 */
import { containment, fingerprintShingles, fingerprintText, sentenceShingles, type TextFingerprint } from './text-fingerprint.js';

/**
 * Set on the tuning part of the labelled corpus (infra/src/demo/matching-corpus.ts, four seeds; figures: docs/PERFORMANCE.md).
 * Placements by text score 0.8–1 mostly (an excerpt under an intro, emoji and hashtags; a repost
 * under a comment), heavily edited ones down to about 0.44, a lone photo 0.4–0.55. What must not
 * match stays below 0.3: an organization's own news on the material's topic at most 0.19 (event
 * names, set phrases), a placement against another material 0.30 (two materials share a sentence
 * on where to ask for support). SUGGEST sits in that gap; AUTO wants most of the post to be the
 * material's, twice what anything unrelated reached, and above any photo alone.
 */
export const AUTO_THRESHOLD = 0.6;
export const SUGGEST_THRESHOLD = 0.4;

export type MatchEvidence = 'LINK' | 'TEXT' | 'IMAGE';

export interface MatchablePost {
  text: string;
  links: string[];
  attachments: string[];
  /** 64-bit perceptual hashes of its photos, 16 hex digits each (the crawl computes them from the attachments). */
  imageHashes?: readonly string[] | null;
}

export interface MatchableMaterial {
  id: string;
  title: string;
  body: string;
  links: string[];
  /** 64-bit perceptual hashes of its photos, 16 hex digits each. */
  imageHashes?: string[];
}

export interface MatchScore {
  score: number;
  evidence: MatchEvidence;
}

/** Fewer shared shingles than this is a set phrase, not an excerpt: the score is scaled down. */
const MIN_SHARED = 6;
/** At most this many first lines are taken for the post's own when they share nothing with the material. */
const OWN_LINES = 2;
/** Hamming distance (of 64 bits) up to which two photo hashes are the same photo re-encoded or cropped. */
const IMAGE_NEAR = 8;
/** A photo alone is worth a suggestion, never an automatic match: the same picture may illustrate a recipient's own report. */
const IMAGE_SCORE = 0.55;

export function scoreMatch(post: MatchablePost, material: MatchableMaterial): MatchScore | null {
  const prepared = preparePost(post);
  const against = prepareMaterial(material);
  if (against.links.some((link) => prepared.links.has(link))) return { score: 1, evidence: 'LINK' };
  const textScore = scoreText(prepared, against.text);
  const imageScore = scoreImages(prepared.images, against.images);
  const best: MatchScore = textScore >= imageScore ? { score: textScore, evidence: 'TEXT' } : { score: imageScore, evidence: 'IMAGE' };
  return best.score > 0 ? { ...best, score: Math.round(best.score * 1000) / 1000 } : null;
}

/** Every material the post may place, at or above SUGGEST_THRESHOLD, best first. */
export function bestMatches<M extends MatchableMaterial>(post: MatchablePost, materials: readonly M[]): (MatchScore & { material: M })[] {
  return materials
    .flatMap((material) => {
      const match = scoreMatch(post, material);
      return match && match.score >= SUGGEST_THRESHOLD ? [{ ...match, material }] : [];
    })
    .sort((a, b) => b.score - a.score || EVIDENCE_RANK[a.evidence] - EVIDENCE_RANK[b.evidence]);
}

const EVIDENCE_RANK: Record<MatchEvidence, number> = { LINK: 0, TEXT: 1, IMAGE: 2 };

/**
 * The share of the post's shingles found in the material, after its first lines that share
 * nothing with it (an intro, a repost's comment) are left out: the post's own words, not a
 * difference from the material. Lines further in stay, so an own post that happens to share one
 * set phrase keeps its own sentences around it.
 */
function scoreText(post: PreparedPost, material: TextFingerprint): number {
  const { hashes } = material;
  if (!hashes) {
    const whole = fingerprintShingles(new Set(post.lines.flat()));
    return scaled(containment(whole, material), whole.count);
  }
  let [shared, count, skipped] = [0, 0, 0];
  post.lines.forEach((line, i) => {
    let found = 0;
    for (const shingle of line) if (hashes.has(shingle)) found++;
    if (found === 0 && skipped === i && i < OWN_LINES && i < post.lines.length - 1) skipped++;
    else [shared, count] = [shared + found, count + line.length];
  });
  return count ? scaled(shared / count, count) : 0;
}

function scaled(share: number, count: number): number {
  return share * Math.min(1, (share * count) / MIN_SHARED);
}

function scoreImages(post: ImageHash[], material: ImageHash[]): number {
  let nearest = IMAGE_NEAR + 1;
  for (const [aHigh, aLow] of post)
    for (const [bHigh, bLow] of material) nearest = Math.min(nearest, bits(aHigh ^ bHigh) + bits(aLow ^ bLow));
  return nearest > IMAGE_NEAR ? 0 : IMAGE_SCORE - (nearest / IMAGE_NEAR) * (IMAGE_SCORE - SUGGEST_THRESHOLD);
}

/** Set bits of a 32-bit integer (population count, SWAR). */
function bits(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * An address as its page: scheme, `www.`, letter case of the host, the fragment, a trailing slash
 * and tracking parameters (utm_*, click ids) do not tell pages apart; VK's redirect
 * (vk.com/away.php?to=…) is the address it leads to.
 */
export function normalizeUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return raw.trim().toLowerCase();
  }
  const host = url.hostname.replace(/^www\./u, '');
  const redirect = url.searchParams.get('to');
  if ((host === 'vk.com' || host === 'm.vk.com') && url.pathname === '/away.php' && redirect) return normalizeUrl(redirect);
  const params = [...url.searchParams]
    .filter(([key]) => !/^(utm_.*|fbclid|gclid|yclid|_openstat)$/iu.test(key))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return `${host}${url.port ? `:${url.port}` : ''}${url.pathname.replace(/\/+$/u, '')}${query}`;
}

/** A 64-bit hash as its high and low 32 bits. */
type ImageHash = [number, number];

interface PreparedPost {
  links: Set<string>;
  /** Per line with shingles (lines of hashtags, emoji or a bare link have none), its distinct shingle hashes. */
  lines: number[][];
  images: ImageHash[];
}

interface PreparedMaterial {
  links: string[];
  text: TextFingerprint;
  images: ImageHash[];
}

// Posts and materials are fingerprinted once, however many times they are compared; both are
// taken as immutable once scored.
const posts = new WeakMap<MatchablePost, PreparedPost>();
const materials = new WeakMap<MatchableMaterial, PreparedMaterial>();

function preparePost(post: MatchablePost): PreparedPost {
  let prepared = posts.get(post);
  if (!prepared) {
    prepared = {
      links: new Set(post.links.map(normalizeUrl)),
      lines: post.text
        .split('\n')
        .map((line) => [...new Set(sentenceShingles(line).flat())])
        .filter((line) => line.length > 0),
      images: imageHashes([...(post.imageHashes ?? []), ...post.attachments]),
    };
    posts.set(post, prepared);
  }
  return prepared;
}

function prepareMaterial(material: MatchableMaterial): PreparedMaterial {
  let prepared = materials.get(material);
  if (!prepared) {
    prepared = {
      links: material.links.map(normalizeUrl),
      text: fingerprintText(`${material.title}\n${material.body}`),
      images: imageHashes(material.imageHashes ?? []),
    };
    materials.set(material, prepared);
  }
  return prepared;
}

/** The attachments that are perceptual hashes (the crawler's photo fingerprints); URLs and documents are not compared. */
function imageHashes(attachments: readonly string[]): ImageHash[] {
  return attachments
    .filter((a) => /^[0-9a-f]{16}$/iu.test(a))
    .map((a) => [Number.parseInt(a.slice(0, 8), 16), Number.parseInt(a.slice(8), 16)]);
}
