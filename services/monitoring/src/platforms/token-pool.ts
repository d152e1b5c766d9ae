import { PlatformHttp, type PlatformHttpOptions } from './http.js';
import type { MonitoredPlatform } from './adapter.js';

/** A credential with its own rate limiter: a platform's limit is per token. */
export interface PooledToken {
  token: string;
  http: PlatformHttp;
}

/**
 * The tokens of one platform, taken in turn (docs/PERFORMANCE.md, "Platform crawl"): VK limits
 * requests per service token, so N tokens of the hub's applications read N times as fast. A
 * setting holds them comma-separated (VK_SERVICE_TOKEN=t1,t2); blanks are ignored.
 */
export class TokenPool {
  private readonly pooled: PooledToken[];
  private turn = 0;

  constructor(platform: MonitoredPlatform, setting: string | null, http: PlatformHttpOptions) {
    const tokens = [...new Set((setting ?? '').split(',').map((token) => token.trim()))].filter(Boolean);
    this.pooled = tokens.map((token) => ({ token, http: new PlatformHttp(platform, http) }));
  }

  get size(): number {
    return this.pooled.length;
  }

  /** The next token in turn; null without any. */
  next(): PooledToken | null {
    if (!this.pooled.length) return null;
    const pooled = this.pooled[this.turn % this.pooled.length]!;
    this.turn = (this.turn + 1) % this.pooled.length;
    return pooled;
  }
}
