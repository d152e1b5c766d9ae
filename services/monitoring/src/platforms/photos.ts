/**
 * Fetches photos to hash them (docs/DESIGN.md, "Matching"): a post's photos from the platform's
 * CDN, a material's images from where the content center put them. Not through the platforms'
 * API limiters (photos are served by CDNs, not by the APIs those limits are for), but bounded on
 * its own: a few fetches at a time in the process, each with a time limit and a size cap, http(s)
 * only, to public addresses only (platforms/public-address.ts), and nothing kept but the 64-bit hash. A bad image is an answer, never an exception.
 */
import Bottleneck from 'bottleneck';
import { rootCertificates } from 'node:tls';
import { Agent, fetch, type Response } from 'undici';
import { perceptualHash } from '../domain/image-hash.js';
import { publicOnlyAgent, refusedHost, type Resolve } from './public-address.js';

export interface PhotoFetchOptions {
  /** Fetches in flight in the process. Default 4. */
  concurrency?: number;
  /** One fetch's time limit, the body included. Default 10 s. */
  timeoutMs?: number;
  /** Larger bodies are refused (and not read further). Default 10 MB. */
  maxBytes?: number;
  /**
   * Origins fetched whatever address they have: the platforms' configured base URLs (the local
   * stand-in in the demo and the tests). Any other address must be public (platforms/public-address.ts).
   */
  trustedOrigins?: readonly string[];
  /** A PEM certificate authority trusted for the trusted origins besides the system's (the stand-in's). */
  ca?: string;
  /** How names are resolved; the system's resolver by default (tests answer names themselves). */
  resolve?: Resolve;
}

/** Redirects followed, each to an address checked as the first. */
const MAX_REDIRECTS = 3;

/**
 * A photo's hash (null: a flat picture, nothing to compare), or why there is none: TRANSIENT may
 * pass on a later try (network, time-out, HTTP 429 or 5xx), PERMANENT will not (not http(s), HTTP
 * 4xx, not an image, too large, undecodable).
 */
export type PhotoHash = { hash: string | null } | { failure: 'TRANSIENT' | 'PERMANENT'; reason: string };

export interface PhotoHasher {
  hash(url: string): Promise<PhotoHash>;
}

class Refused extends Error {
  constructor(
    readonly failure: 'TRANSIENT' | 'PERMANENT',
    message: string,
  ) {
    super(message);
  }
}

export function createPhotoHasher(options: PhotoFetchOptions = {}): PhotoHasher {
  const limiter = new Bottleneck({ maxConcurrent: options.concurrency ?? 4 });
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  // Two crawls (pages of one organization, recipients of one material) asking for the same image at once share one fetch.
  const inFlight = new Map<string, Promise<PhotoHash>>();

  const trusted = new Set((options.trustedOrigins ?? []).map((origin) => new URL(origin).origin));
  const publicOnly = publicOnlyAgent(options.resolve);
  const trustedAgent = options.ca ? new Agent({ connect: { ca: [...rootCertificates, options.ca] } }) : undefined;

  /** The first answer that is not a redirect, each hop's address checked before it is connected to. */
  const follow = async (url: string, signal: AbortSignal): Promise<Response> => {
    let next: URL;
    try {
      next = new URL(url);
    } catch {
      throw new Refused('PERMANENT', 'not an address');
    }
    for (let hop = 0; ; hop++) {
      const refused = refusedHost(next, trusted);
      if (refused) throw new Refused('PERMANENT', refused);
      let response: Response;
      try {
        response = await fetch(next, {
          signal,
          redirect: 'manual',
          headers: { accept: 'image/*' },
          dispatcher: trusted.has(next.origin) ? trustedAgent : publicOnly,
        });
      } catch (err) {
        const cause = (err as { cause?: NodeJS.ErrnoException }).cause;
        if (cause?.code === 'ENOTPUBLIC') throw new Refused('PERMANENT', cause.message);
        throw new Refused('TRANSIENT', cause?.message ?? (err as Error).message);
      }
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return response;
      void response.body?.cancel().catch(() => undefined);
      if (hop >= MAX_REDIRECTS) throw new Refused('PERMANENT', `more than ${MAX_REDIRECTS} redirects`);
      next = new URL(location, next);
    }
  };

  const fetchBytes = async (url: string): Promise<Uint8Array> => {
    const signal = AbortSignal.timeout(timeoutMs);
    const response = await follow(url, signal);
    const refuse = (failure: 'TRANSIENT' | 'PERMANENT', message: string): never => {
      void response.body?.cancel().catch(() => undefined);
      throw new Refused(failure, message);
    };
    if (response.status === 429 || response.status >= 500) refuse('TRANSIENT', `HTTP ${response.status}`);
    if (response.status !== 200) refuse('PERMANENT', `HTTP ${response.status}`);
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!type.startsWith('image/') && type !== 'application/octet-stream') refuse('PERMANENT', `not an image: ${type || 'no type'}`);
    const length = Number(response.headers.get('content-length') ?? Number.NaN);
    if (length > maxBytes) refuse('PERMANENT', `${length} bytes, more than ${maxBytes}`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      for await (const chunk of response.body ?? []) {
        size += chunk.byteLength;
        if (size > maxBytes) refuse('PERMANENT', `more than ${maxBytes} bytes`);
        chunks.push(chunk);
      }
    } catch (err) {
      if (err instanceof Refused) throw err;
      throw new Refused('TRANSIENT', `the body was cut: ${(err as Error).message}`);
    }
    return Buffer.concat(chunks, size);
  };

  const hashOnce = async (url: string): Promise<PhotoHash> => {
    try {
      const bytes = await limiter.schedule(() => fetchBytes(url));
      try {
        return { hash: await perceptualHash(bytes) };
      } catch (err) {
        return { failure: 'PERMANENT', reason: `not decodable: ${(err as Error).message}` };
      }
    } catch (err) {
      if (err instanceof Refused) return { failure: err.failure, reason: err.message };
      return { failure: 'TRANSIENT', reason: (err as Error).message };
    }
  };

  return {
    hash(url) {
      let pending = inFlight.get(url);
      if (!pending) {
        pending = hashOnce(url).finally(() => inFlight.delete(url));
        inFlight.set(url, pending);
      }
      return pending;
    },
  };
}
