// The content center's supply: about 12 materials a week on working days, one week in a dozen
// short of the quota, one in a hundred withdrawn a day after it went out; a few still in review.
import { MATERIAL_TEMPLATES, type MaterialTemplate } from '@hub/infra/demo/materials';
import { ENTITY, entityId, entityRng } from './ids.js';
import type { Calendar } from './calendar.js';
import type { DatasetSpec } from './spec.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PURPOSE_MATERIALS = 41;
export const EDITOR = 'editor@open-region';
/** Approves what EDITOR writes, as the content service requires (four eyes). */
export const REVIEWER = 'chief-editor@open-region';

export interface MaterialPlan {
  index: number;
  id: string;
  template: MaterialTemplate;
  /** Distributed materials only have a week; -1 for those still in review. */
  week: number;
  status: 'DISTRIBUTED' | 'WITHDRAWN' | 'APPROVED' | 'DRAFT';
  createdAt: number;
  approvedAt: number | null;
  distributedAt: number | null;
  withdrawnAt: number | null;
  windowUntil: number | null;
}

export function planMaterials(spec: DatasetSpec, calendar: Calendar): MaterialPlan[] {
  const rng = entityRng(spec.seed, PURPOSE_MATERIALS, 0);
  const plans: MaterialPlan[] = [];
  const add = (week: number, status: MaterialPlan['status'], reference: number) => {
    const index = plans.length;
    const template = MATERIAL_TEMPLATES[index % MATERIAL_TEMPLATES.length]!;
    const distributed = status === 'DISTRIBUTED' || status === 'WITHDRAWN';
    plans.push({
      index,
      id: entityId(spec.seed, ENTITY.material, index),
      template,
      week,
      status,
      createdAt: reference - (2 + Math.floor(rng() * 20)) * HOUR - Math.floor(rng() * 60) * 60_000,
      approvedAt: status === 'DRAFT' ? null : reference - (20 + Math.floor(rng() * 60)) * 60_000,
      distributedAt: distributed ? reference : null,
      withdrawnAt: status === 'WITHDRAWN' ? reference + DAY : null,
      windowUntil: distributed && template.windowDays ? reference + template.windowDays * DAY : null,
    });
  };
  calendar.weeks.forEach((week, w) => {
    const count = rng() < 0.08 ? spec.materialsPerWeek - 3 : spec.materialsPerWeek;
    const moments = Array.from(
      { length: count },
      (_, i) => week.start.getTime() + (i % 5) * DAY + 9 * HOUR + Math.floor(rng() * 8 * 60) * 60_000,
    ).sort((a, b) => a - b);
    for (const moment of moments) add(w, rng() < 0.01 ? 'WITHDRAWN' : 'DISTRIBUTED', moment);
  });
  for (let i = 0; i < 3; i++) add(-1, i === 0 ? 'APPROVED' : 'DRAFT', calendar.now - (i + 1) * HOUR);
  return plans;
}

/** A title unique enough to tell reissues apart, within the column's 300 characters. */
export const titleOf = (plan: MaterialPlan) =>
  plan.index < MATERIAL_TEMPLATES.length
    ? plan.template.title
    : `${plan.template.title} (выпуск ${Math.floor(plan.index / MATERIAL_TEMPLATES.length) + 1})`;
