// What the organizations placed, week after week, in the order reports arrive (so the table's
// physical order follows time, as in production). Most meet 3 a week, some miss now and then,
// some lapse for a few weeks running, a few never place anything.
import type { Period } from '@hub/common';
import { ENTITY, entityId, entityRng, type Rng } from './ids.js';
import { KIND, PROFILE, type Roster } from './roster.js';
import { MAX_PAGES, PLATFORM_CODES, pageId, pageIndex, postUrl, slugOf, storedPageUrl } from './pages.js';
import type { MaterialPlan } from './materials.js';
import type { Calendar } from './calendar.js';
import type { DatasetSpec } from './spec.js';
import type { CopyValue } from './copy.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A material sent late in a week is still placed early the next. */
const CARRY_OVER = 3 * DAY;
const REMEMBERED = 8;
export const REPORTER = 'bench-operator';

export const PLACEMENT_COLUMNS = [
  'id',
  'organization_id',
  'page_id',
  'material_id',
  'url',
  'published_at',
  'via_gospabliki',
  'reported_by',
  'reported_at',
] as const;

function weeklyTarget(profile: number, lapse: Uint8Array, i: number, rng: Rng): number {
  const meets = () => 3 + (rng() < 0.35 ? 1 : 0) + (rng() < 0.1 ? 1 : 0);
  const misses = () => Math.floor(rng() * 3);
  switch (profile) {
    case PROFILE.steady:
      return rng() < 0.04 ? misses() : meets();
    case PROFILE.uneven:
      return rng() < 0.3 ? misses() : meets();
    case PROFILE.lapsing:
      if (lapse[i]! > 0) {
        lapse[i]!--;
        return misses();
      }
      if (rng() < 0.1) {
        lapse[i] = Math.floor(rng() * 4); // a run of 1–4 weeks: every escalation level appears
        return misses();
      }
      return meets();
    default:
      return 0;
  }
}

/** A moment in [earliest, latest), preferably 09:00–20:00 local on one of the next three days. */
function officeHoursMoment(earliest: number, latest: number, offsetMs: number, rng: Rng): number {
  const day = Math.floor((earliest + offsetMs) / DAY) * DAY - offsetMs;
  for (let attempt = 0; attempt < 5; attempt++) {
    const moment = day + Math.floor(rng() * 3) * DAY + 9 * HOUR + Math.floor(rng() * 11 * 60) * 60_000;
    if (moment >= earliest && moment < latest) return moment;
  }
  return earliest + Math.floor((Math.min(latest - earliest, 2 * HOUR) * rng()) / 60_000) * 60_000;
}

function candidatesOf(week: Period, materials: readonly MaterialPlan[], now: number): MaterialPlan[] {
  return materials.filter(
    (m) =>
      m.distributedAt !== null &&
      m.distributedAt < week.end.getTime() &&
      m.distributedAt < now &&
      m.distributedAt >= week.start.getTime() - CARRY_OVER,
  );
}

export function* placementRows(
  spec: DatasetSpec,
  calendar: Calendar,
  roster: Roster,
  platforms: Uint8Array,
  materials: readonly MaterialPlan[],
): Generator<CopyValue[]> {
  const lapse = new Uint8Array(roster.size);
  let placed = new Int32Array(roster.size * REMEMBERED).fill(-1);
  let counter = 0;
  const weeks = [...calendar.weeks, calendar.current];
  for (let w = 0; w < weeks.length; w++) {
    const week = weeks[w]!;
    const partial = week === calendar.current;
    const start = week.start.getTime();
    const end = Math.min(week.end.getTime(), calendar.now);
    const candidates = candidatesOf(week, materials, calendar.now);
    const placedNow = new Int32Array(roster.size * REMEMBERED).fill(-1);
    for (let i = 0; i < roster.size; i++) {
      if (roster.kind[i]! <= KIND.cur || roster.pageCount[i] === 0) continue;
      if (roster.registeredAt[i]! >= end || roster.deactivatedAt[i]! <= start) continue;
      const rng = entityRng(spec.seed, 1000 + w, i);
      const target = partial ? (rng() < 0.3 ? 1 : 0) : weeklyTarget(roster.profile[i]!, lapse, i, rng);
      if (!target) continue;
      const lastWeek = placed.subarray(i * REMEMBERED, (i + 1) * REMEMBERED);
      const open = candidates.filter((m) => !lastWeek.includes(m.index));
      let chosen = 0;
      for (let k = 0; k < open.length && chosen < target; k++) {
        const j = k + Math.floor(rng() * (open.length - k));
        [open[k], open[j]] = [open[j]!, open[k]!];
        const material = open[k]!;
        const earliest = Math.max(material.distributedAt!, start, roster.registeredAt[i]!);
        const latest = Math.min(end, material.withdrawnAt ?? Infinity, roster.deactivatedAt[i]!) - HOUR;
        if (latest <= earliest) continue;
        placedNow[i * REMEMBERED + chosen] = material.index;
        chosen++;
        const publishedAt = officeHoursMoment(earliest, latest, calendar.offsetMs, rng);
        const pages = roster.pageCount[i]!;
        const first = Math.floor(rng() * pages);
        const onPages = pages > 1 && rng() < 0.12 ? [first, (first + 1) % pages] : [first];
        const late = rng() < 0.01;
        for (const k2 of onPages) {
          const platform = PLATFORM_CODES[platforms[i * MAX_PAGES + k2]!]!;
          const page = pageIndex(i, k2);
          const delay = late ? (6 * 24 + Math.floor(rng() * 96)) * HOUR : (1 + Math.floor(rng() * 30)) * HOUR;
          counter++;
          yield [
            entityId(spec.seed, ENTITY.placement, counter),
            roster.ids[i]!,
            pageId(spec, i, k2),
            material.id,
            postUrl(platform, storedPageUrl(platform, slugOf(roster, i), page), page, 1000 + counter),
            new Date(publishedAt),
            platform === 'GOSPABLIKI' || (platform === 'VK' && rng() < 0.08),
            REPORTER,
            new Date(Math.min(publishedAt + delay, calendar.now)),
          ];
        }
      }
    }
    placed = placedNow;
  }
}
