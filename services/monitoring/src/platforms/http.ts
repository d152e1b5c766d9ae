import Bottleneck from 'bottleneck';
import { PlatformError, type MonitoredPlatform } from './adapter.js';

export interface PlatformHttpOptions {
  /** Requests per second this process sends to the platform (VK: 3 per token; the Telegram preview: 1). */
  ratePerSecond: number;
  /** One request's time limit. Default 15 s. */
  timeoutMs?: number;
  /** Tries after the first, for rate limits and network errors. Default 3. */
  retries?: number;
  /** The first back-off; it doubles with each retry. Default 1 s. */
  backoffMs?: number;
}

export interface PlatformResponse {
  status: number;
  text: string;
}

const RETRYABLE = new Set(['RATE_LIMITED', 'UNREACHABLE']);

/**
 * The one way an adapter reaches its platform: every request through the platform's rate
 * limiter (Bottleneck), a time limit per request, and retries with exponential back-off when the
 * platform says slow down or cannot be reached. Adapters whose platform reports a rate limit
 * inside a 200 answer (VK's error 6) throw PlatformError('RATE_LIMITED') from `call`'s attempt and
 * get the same retries.
 */
export class PlatformHttp {
  private readonly limiter: Bottleneck;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;

  constructor(
    readonly platform: MonitoredPlatform,
    options: PlatformHttpOptions,
  ) {
    if (!(options.ratePerSecond > 0)) throw new Error(`${platform}: ratePerSecond must be positive`);
    this.limiter = new Bottleneck({ minTime: Math.ceil(1000 / options.ratePerSecond) });
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 1_000;
  }

  /**
   * Runs `attempt` (which sends its requests with `send`) and tries again after a back-off when it
   * throws a PlatformError that waiting may cure; any other error, or the last one, is thrown.
   */
  async call<T>(attempt: (send: (url: string, init?: RequestInit) => Promise<PlatformResponse>) => Promise<T>): Promise<T> {
    for (let tried = 0; ; tried++) {
      try {
        return await attempt((url, init) => this.send(url, init));
      } catch (err) {
        if (!(err instanceof PlatformError) || !RETRYABLE.has(err.failure) || tried >= this.retries) throw err;
        await new Promise((resolve) => setTimeout(resolve, this.backoffMs * 2 ** tried));
      }
    }
  }

  /** One request through the limiter: 429 is RATE_LIMITED, a network error or 5xx UNREACHABLE; other statuses are the caller's to read. */
  private send(url: string, init: RequestInit = {}): Promise<PlatformResponse> {
    return this.limiter.schedule(async () => {
      let response: Response;
      try {
        response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
      } catch (err) {
        throw new PlatformError('UNREACHABLE', `${this.platform}: ${(err as Error).message}`);
      }
      const text = await response.text().catch((err: Error) => {
        throw new PlatformError('UNREACHABLE', `${this.platform}: the answer was cut (${err.message})`);
      });
      if (response.status === 429) throw new PlatformError('RATE_LIMITED', `${this.platform}: HTTP 429`, 429);
      if (response.status >= 500) throw new PlatformError('UNREACHABLE', `${this.platform}: HTTP ${response.status}`, response.status);
      return { status: response.status, text };
    });
  }

  /** Stops sending: queued requests are dropped (the worker is stopping). */
  async stop(): Promise<void> {
    await this.limiter.stop({ dropWaitingJobs: true });
  }
}

/** Parses a JSON answer, or PARSE_FAILED naming the platform: a changed interface is not a crash. */
export function parseJson(platform: MonitoredPlatform, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new PlatformError('PARSE_FAILED', `${platform}: the answer is not JSON (${text.slice(0, 80)})`);
  }
}
