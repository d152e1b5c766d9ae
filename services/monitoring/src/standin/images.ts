/**
 * Photos the stand-in serves (src/standin/server.ts, `/images/<name>`): generated from their name,
 * so a post and a material can carry the same picture without any file shipped. A name is
 * `<seed>.<jpg|png|webp>`, with optional `@<width>` (pixels, 640 by default) and `~q<quality>`
 * (JPEG or WebP, 85 by default) before the extension: `flood.jpg`, `flood@320~q40.jpg` is the
 * same photo smaller and more compressed, as a platform re-encodes an upload.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';

export interface StandInPhoto {
  bytes: Buffer;
  contentType: string;
}

const FORMATS = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;
type Format = keyof typeof FORMATS;

/** The photo a stand-in image name stands for, or null when the name is not one. */
export function parsePhotoName(name: string): { seed: string; width: number; quality: number; format: Format } | null {
  const match = /^([\w-]{1,64})(?:@(\d{2,4}))?(?:~q(\d{1,3}))?\.(jpg|png|webp)$/u.exec(name);
  if (!match) return null;
  const [, seed = '', width = '640', quality = '85', format = 'jpg'] = match;
  if (Number(width) < 16 || Number(width) > 4000 || Number(quality) < 1 || Number(quality) > 100) return null;
  return { seed, width: Number(width), quality: Number(quality), format: format as Format };
}

/** The generated photo of a stand-in image name, encoded as the name says; null when the name is not one. */
export async function standInPhoto(name: string): Promise<StandInPhoto | null> {
  const parsed = parsePhotoName(name);
  if (!parsed) return null;
  const image = sharp(await photoPixels(parsed.seed), { raw: { width: SIZE.width, height: SIZE.height, channels: 3 } }).resize(
    parsed.width,
  );
  const encoded =
    parsed.format === 'png'
      ? image.png()
      : parsed.format === 'webp'
        ? image.webp({ quality: parsed.quality })
        : image.jpeg({ quality: parsed.quality });
  return { bytes: await encoded.toBuffer(), contentType: FORMATS[parsed.format] };
}

/** The photo at full size (4:3), before any encoding; its shapes are drawn at a quarter of it and scaled up. */
const SIZE = { width: 640, height: 480 };
const DRAWN = 4;

/**
 * A picture of a few coloured ellipses with soft edges over a sky-like gradient, with grain: the
 * shapes differ from seed to seed (what a perceptual hash sees), and the grain makes the encoder
 * work as on a photo. Deterministic in the seed.
 */
export async function photoPixels(seed: string): Promise<Buffer> {
  const random = seeded(seed);
  const [width, height] = [SIZE.width / DRAWN, SIZE.height / DRAWN];
  const colour = () => [random() * 255, random() * 255, random() * 255];
  const [top, bottom] = [colour(), colour()];
  const shapes = Array.from({ length: 7 }, () => ({
    x: random() * width,
    y: random() * height,
    rx: (0.05 + random() * 0.25) * width,
    ry: (0.05 + random() * 0.25) * height,
    colour: colour(),
  }));
  const drawn = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = y / height;
      const rgb = [0, 1, 2].map((c) => top[c]! * (1 - t) + bottom[c]! * t);
      for (const shape of shapes) {
        // 1 inside, 0 outside, over about a pixel and a half of the drawing at the edge.
        const r = Math.hypot((x - shape.x) / shape.rx, (y - shape.y) / shape.ry);
        const weight = 1 / (1 + Math.exp((r - 1) * Math.min(shape.rx, shape.ry) * 3));
        for (let c = 0; c < 3; c++) rgb[c] = rgb[c]! * (1 - weight) + shape.colour[c]! * weight;
      }
      for (let c = 0; c < 3; c++) drawn[(y * width + x) * 3 + c] = Math.round(rgb[c]!);
    }
  }
  const pixels = await sharp(drawn, { raw: { width, height, channels: 3 } })
    .resize(SIZE.width, SIZE.height)
    .raw()
    .toBuffer();
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.max(0, Math.min(255, pixels[i]! + Math.round((random() - 0.5) * 24)));
  return pixels;
}

/** mulberry32, seeded from the name's SHA-256. */
function seeded(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32BE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
