// The crawl scenario's arithmetic on paper: from the requests a crawl sends per page on each
// platform and each platform's rate limit, how long one crawl of all pages takes at those limits,
// its share of the crawl interval, and how many tokens a larger registry needs to fit in it.
import type { PlatformSettings } from '@hub/common';
import { PLATFORMS, type MonitoredPlatform } from '@hub/monitoring/platforms';

/** The platforms monitoring reads (VK, Telegram, OK, MAX). */
export const READ_PLATFORMS = PLATFORMS;
export type ReadPlatform = MonitoredPlatform;
export type PerPlatform<T> = Record<ReadPlatform, T>;

/** The stand-in's path prefix of each platform (its `requests` start with it). */
const PREFIX: PerPlatform<string> = { VK: 'vk', TELEGRAM: 'telegram', OK: 'ok', MAX: 'max' };

export const perPlatform = <T>(value: (platform: ReadPlatform) => T): PerPlatform<T> =>
  Object.fromEntries(READ_PLATFORMS.map((p) => [p, value(p)])) as PerPlatform<T>;

/** Requests the stand-in received, counted by platform. */
export const requestsByPlatform = (requests: readonly string[]): PerPlatform<number> =>
  perPlatform((p) => requests.filter((r) => r.startsWith(`${PREFIX[p]} `)).length);

/** Each platform's rate limit in a PlatformSettings. */
export const ratesOf = (settings: PlatformSettings): PerPlatform<number> => ({
  VK: settings.vk.ratePerSecond,
  TELEGRAM: settings.telegram.ratePerSecond,
  OK: settings.ok.ratePerSecond,
  MAX: settings.max.ratePerSecond,
});

/** PlatformSettings with each platform at its own rate. */
export const withRates = (settings: PlatformSettings, rates: PerPlatform<number>): PlatformSettings => ({
  ...settings,
  vk: { ...settings.vk, ratePerSecond: rates.VK },
  telegram: { ...settings.telegram, ratePerSecond: rates.TELEGRAM },
  ok: { ...settings.ok, ratePerSecond: rates.OK },
  max: { ...settings.max, ratePerSecond: rates.MAX },
});

/** PlatformHttp's limiter spaces requests ceil(1000 / rate) ms apart: 3/s is one every 334 ms. */
export const spacingMs = (ratePerSecond: number) => Math.ceil(1000 / ratePerSecond);

const round = (value: number, digits: number) => Number(value.toFixed(digits));

export interface CapacityInput {
  /** Pages of each platform one crawl read, and the requests it sent to read them. */
  pages: PerPlatform<number>;
  requests: PerPlatform<number>;
  /** Requests per second per token (the defaults of services/common/src/config.ts). */
  rates: PerPlatform<number>;
  intervalMs: number;
  /** The dataset's pages on every platform (sites and Госпаблики included), which `targetPages` scales. */
  datasetPages: number;
  targetPages: number;
}

/**
 * One crawl of every page, each platform paced by its own limiter: the platforms run side by side,
 * so the slowest one bounds the crawl. For the target registry (the dataset's platform mix scaled
 * to `targetPages`), the tokens each platform needs so that its share of a crawl fits the interval.
 */
export function capacityPlan(input: CapacityInput) {
  const hoursOf = (requests: number, rate: number) => (requests * spacingMs(rate)) / 3_600_000;
  const intervalHours = input.intervalMs / 3_600_000;
  const requestsPerPage = perPlatform((p) => (input.pages[p] ? input.requests[p] / input.pages[p] : 0));
  const regionHours = perPlatform((p) => hoursOf(input.requests[p], input.rates[p]));
  const slowest = READ_PLATFORMS.reduce((a, b) => (regionHours[b] > regionHours[a] ? b : a));
  const scale = input.targetPages / input.datasetPages;
  const targetPages = perPlatform((p) => Math.round(input.pages[p] * scale));
  const targetRequests = perPlatform((p) => targetPages[p] * requestsPerPage[p]);
  const targetHours = perPlatform((p) => hoursOf(targetRequests[p], input.rates[p]));
  const targetSlowest = READ_PLATFORMS.reduce((a, b) => (targetHours[b] > targetHours[a] ? b : a));
  const tokens = perPlatform((p) => Math.max(1, Math.ceil(targetHours[p] / intervalHours)));
  return {
    intervalHours,
    rates: input.rates,
    region: {
      pages: input.pages,
      requests: input.requests,
      requestsPerPage: perPlatform((p) => round(requestsPerPage[p], 3)),
      hours: perPlatform((p) => round(regionHours[p], 3)),
      slowest,
      crawlHours: round(regionHours[slowest], 3),
      shareOfInterval: round(regionHours[slowest] / intervalHours, 3),
    },
    target: {
      pages: input.targetPages,
      scale: round(scale, 2),
      readPages: targetPages,
      requests: perPlatform((p) => Math.round(targetRequests[p])),
      /** With one token (one IP for Telegram's preview) per platform. */
      hoursWithOneToken: perPlatform((p) => round(targetHours[p], 2)),
      slowest: targetSlowest,
      crawlHoursWithOneToken: round(targetHours[targetSlowest], 2),
      tokensToFitInterval: tokens,
      /** Each platform's share of the interval once it has that many tokens. */
      shareWithThoseTokens: perPlatform((p) => round(targetHours[p] / tokens[p] / intervalHours, 3)),
      /** The pace a crawl of the target must keep to read every page once per interval. */
      pagesPerSecondNeeded: round(READ_PLATFORMS.reduce((s, p) => s + targetPages[p], 0) / (input.intervalMs / 1000), 2),
    },
  };
}
