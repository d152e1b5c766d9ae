// The content center's last eight weeks for the demo: about 12 materials a week (one week
// short of the quota of 10), distributed on working days in the region's working hours,
// and a few in the current week, some still in review.
import { periodContaining, shiftPeriod } from '@hub/common';
import type { DemoMaterialRow } from '@hub/content';
import { MATERIAL_TEMPLATES, type MaterialTemplate } from './materials.js';
import { shuffled, stream, uuidFactory, type Rng } from './random.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const DEMO_EDITOR = 'editor@open-region';
/** Approves what DEMO_EDITOR writes: an author does not approve its own material (four eyes). */
export const DEMO_REVIEWER = 'chief-editor@open-region';
/** Weeks back from the current one; the week three back fell short of the quota. */
const WEEKS_BACK = 8;
const PER_WEEK = 12;
const SHORT_WEEK = 3;
const SHORT_WEEK_COUNT = 8;
const IN_REVIEW = 3;

/** `reference`: when it was distributed, or, still in review, when it was last touched. */
function row(template: MaterialTemplate, id: string, reference: Date, status: DemoMaterialRow['status'], rng: Rng): DemoMaterialRow {
  const distributedAt = status === 'DISTRIBUTED' ? reference : null;
  const createdAt = new Date(reference.getTime() - (2 + Math.floor(rng() * 20)) * HOUR - Math.floor(rng() * 60) * 60_000);
  return {
    id,
    title: template.title,
    summary: template.summary,
    body: template.body,
    topic: template.topic,
    status,
    hashtags: template.hashtags,
    mediaLinks: template.mediaLinks,
    windowUntil: distributedAt && template.windowDays ? new Date(distributedAt.getTime() + template.windowDays * DAY) : null,
    createdBy: DEMO_EDITOR,
    createdAt,
    approvedAt: status === 'DRAFT' ? null : new Date(reference.getTime() - (20 + Math.floor(rng() * 60)) * 60_000),
    approvedBy: status === 'DRAFT' ? null : DEMO_REVIEWER,
    distributedAt,
    audience: distributedAt ? { kinds: template.audienceKinds ?? [], organizationIds: [] } : null,
    withdrawnAt: null,
    withdrawalReason: null,
  };
}

/** Working day `index` (0 = Monday) of the week starting at `weekStart`, between 09:00 and 17:00 local. */
function workingMoment(weekStart: Date, index: number, rng: Rng): Date {
  const minutes = Math.floor(rng() * 8 * 60);
  return new Date(weekStart.getTime() + (index % 5) * DAY + 9 * HOUR + minutes * 60_000);
}

export function generateDemoMaterials(options: { seed: number; now: Date; timeZone: string }): DemoMaterialRow[] {
  const rng = stream(options.seed, 101);
  const nextId = uuidFactory(stream(options.seed, 102));
  const templates = shuffled(MATERIAL_TEMPLATES, rng);
  const current = periodContaining('WEEK', options.now, options.timeZone);
  const rows: DemoMaterialRow[] = [];

  for (let back = WEEKS_BACK; back >= 1; back--) {
    const week = shiftPeriod(current, -back, options.timeZone);
    const count = back === SHORT_WEEK ? SHORT_WEEK_COUNT : PER_WEEK;
    for (let i = 0; i < count; i++) {
      const template = templates.shift()!;
      rows.push(row(template, nextId(), workingMoment(week.start, i, rng), 'DISTRIBUTED', rng));
    }
  }
  // One announcement was called off after it went out.
  const withdrawn = rows[rows.length - 10]!;
  withdrawn.status = 'WITHDRAWN';
  withdrawn.withdrawnAt = new Date(withdrawn.distributedAt!.getTime() + DAY);
  withdrawn.withdrawalReason = 'Мероприятие перенесено организаторами, материал неактуален';

  // This week so far: two a working day up to now; the last few are still in review.
  const inReview = templates.splice(-IN_REVIEW);
  templates.forEach((template, i) => {
    const moment = workingMoment(current.start, Math.floor(i / 2), rng);
    if (moment < options.now) rows.push(row(template, nextId(), moment, 'DISTRIBUTED', rng));
    else inReview.push(template);
  });
  inReview.forEach((template, i) => {
    const status = i === 0 ? 'APPROVED' : 'DRAFT';
    rows.push(row(template, nextId(), new Date(options.now.getTime() - (i + 1) * HOUR), status, rng));
  });
  return rows;
}
