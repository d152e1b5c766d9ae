/**
 * A photo's 64-bit perceptual hash (docs/DESIGN.md, "Matching"), as 16 hex digits, which
 * domain/match.ts compares by Hamming distance: pHash, the signs against their median of the 8×8
 * lowest frequencies of the discrete cosine transform of a 32×32 grayscale miniature. Re-encoding
 * (another JPEG quality, another format), resizing and mild brightness or colour changes keep it
 * within a few bits; another photo is about 32 bits away. (A difference hash of a 9×8 miniature,
 * tried first, flipped up to 9 bits on a photo re-encoded at quality 40 and halved; this 6 at most.)
 *
 * Decoding is libvips' (sharp): a function of the bytes alone, with no I/O and no state.
 */
import sharp from 'sharp';

/** The miniature's side. */
const SIDE = 32;
/** The frequencies kept along each axis: 8 × 8 = 64 bits. */
const KEPT = 8;
/** Larger images are refused before decoding (a decompression bomb): 50 megapixels, far above any post's photo. */
const MAX_PIXELS = 50_000_000;
/**
 * A miniature whose lightest and darkest pixels differ by less than this (of 255) is flat: a blank
 * or single-colour picture, whose hash would be noise, or near every other flat one.
 */
const MIN_CONTRAST = 8;

/** cos((2x + 1)uπ / 2N) for the kept frequencies u and the miniature's positions x. */
const COSINES = Array.from({ length: KEPT }, (_, u) =>
  Float64Array.from({ length: SIDE }, (_, x) => Math.cos(((2 * x + 1) * u * Math.PI) / (2 * SIDE))),
);

/**
 * The pHash of a 32×32 grayscale miniature given row by row (1,024 values): of the 64 lowest
 * frequencies of its DCT (row-major, the mean first), bit i (most significant first) is set when
 * coefficient i is above their median. Null when the miniature is flat (MIN_CONTRAST): it tells
 * nothing of the picture.
 */
export function dctHash(gray: ArrayLike<number>): string | null {
  if (gray.length !== SIDE * SIDE) throw new Error(`a pHash miniature has ${SIDE * SIDE} pixels, not ${gray.length}`);
  let [min, max] = [255, 0];
  for (let i = 0; i < gray.length; i++) [min, max] = [Math.min(min, gray[i]!), Math.max(max, gray[i]!)];
  if (max - min < MIN_CONTRAST) return null;
  // Separable: each row's kept frequencies, then each column of those.
  const rows = new Float64Array(SIDE * KEPT);
  for (let y = 0; y < SIDE; y++)
    for (let u = 0; u < KEPT; u++) {
      let sum = 0;
      for (let x = 0; x < SIDE; x++) sum += COSINES[u]![x]! * gray[y * SIDE + x]!;
      rows[y * KEPT + u] = sum;
    }
  const coefficients = new Float64Array(KEPT * KEPT);
  for (let v = 0; v < KEPT; v++)
    for (let u = 0; u < KEPT; u++) {
      let sum = 0;
      for (let y = 0; y < SIDE; y++) sum += COSINES[v]![y]! * rows[y * KEPT + u]!;
      coefficients[v * KEPT + u] = sum;
    }
  const sorted = Float64Array.from(coefficients).sort();
  const median = (sorted[31]! + sorted[32]!) / 2;
  let hex = '';
  for (let i = 0; i < 64; i += 4) {
    let nibble = 0;
    for (let j = i; j < i + 4; j++) nibble = (nibble << 1) | (coefficients[j]! > median ? 1 : 0);
    hex += nibble.toString(16);
  }
  return hex;
}

/**
 * The perceptual hash of an encoded image (JPEG, PNG, WebP, GIF's first frame, …): turned upright
 * by its EXIF orientation, transparency over white, grayscale, squeezed to 32×32 whatever its
 * aspect. Null for a flat picture; throws when the bytes are not an image libvips can decode.
 */
export async function perceptualHash(bytes: Uint8Array): Promise<string | null> {
  const { data, info } = await sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
    .rotate()
    .flatten({ background: '#ffffff' })
    .grayscale()
    .resize(SIDE, SIDE, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 1 || data.length !== SIDE * SIDE) throw new Error(`an unexpected miniature (${info.channels} channels)`);
  return dctHash(data);
}

/** Bits that differ between two hashes (16 hex digits each): 0 for the same photo, about 32 for unrelated ones. */
export function hashDistance(a: string, b: string): number {
  let bits = 0;
  for (let i = 0; i < 16; i += 4) {
    for (let x = Number.parseInt(a.slice(i, i + 4), 16) ^ Number.parseInt(b.slice(i, i + 4), 16); x; x &= x - 1) bits++;
  }
  return bits;
}
