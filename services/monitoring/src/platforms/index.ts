import { readFileSync } from 'node:fs';
import type { PlatformSettings } from '@hub/common';
import type { MonitoredPlatform, PlatformAdapter } from './adapter.js';
import type { PlatformHttpOptions } from './http.js';
import { createVkAdapter } from './vk/adapter.js';
import { createTelegramAdapter } from './telegram/adapter.js';
import { createOkAdapter } from './ok/adapter.js';
import { createMaxAdapter } from './max/adapter.js';
import { createPhotoHasher, type PhotoHasher } from './photos.js';

export * from './adapter.js';

/** The adapter of each platform the hub reads; pages on other platforms (sites, Госпаблики) are not crawled. */
export type Platforms = Record<MonitoredPlatform, PlatformAdapter>;

/** Tests shorten the back-off and the time limit; production keeps PlatformHttp's defaults. */
export type HttpTuning = Omit<PlatformHttpOptions, 'ratePerSecond'>;

export function createPlatforms(settings: PlatformSettings, tuning: HttpTuning = {}): Platforms {
  const http = (ratePerSecond: number): PlatformHttpOptions => ({ ...tuning, ratePerSecond });
  return {
    VK: createVkAdapter({ apiUrl: settings.vk.apiUrl, serviceToken: settings.vk.serviceToken, http: http(settings.vk.ratePerSecond) }),
    TELEGRAM: createTelegramAdapter({ webUrl: settings.telegram.webUrl, http: http(settings.telegram.ratePerSecond) }),
    OK: createOkAdapter({
      apiUrl: settings.ok.apiUrl,
      appKey: settings.ok.appKey,
      appSecret: settings.ok.appSecret,
      accessToken: settings.ok.accessToken,
      http: http(settings.ok.ratePerSecond),
    }),
    MAX: createMaxAdapter({ apiUrl: settings.max.apiUrl, botToken: settings.max.botToken, http: http(settings.max.ratePerSecond) }),
  };
}

/**
 * The photo fetcher of a process: any public address, and the platforms' configured base URLs and
 * MONITORING_PHOTO_ORIGINS whatever their address (the local stand-in of the demo and the tests:
 * docs/SECURITY.md, "Photos"), those with MONITORING_PHOTO_CA's certificate trusted too.
 */
export function createPhotos(settings: PlatformSettings): PhotoHasher {
  return createPhotoHasher({
    trustedOrigins: [
      settings.vk.apiUrl,
      settings.telegram.webUrl,
      settings.ok.apiUrl,
      settings.max.apiUrl,
      ...settings.photos.trustedOrigins,
    ],
    ca: settings.photos.caFile ? readFileSync(settings.photos.caFile, 'utf8') : undefined,
  });
}
