import type { MaterialStatus } from '../entities/material.entity.js';

/**
 * A material's lifecycle: the center writes a DRAFT, approves it, then distributes it once
 * (decree 2.1). An approved or distributed material can be withdrawn; a withdrawn material goes
 * nowhere else. A draft is edited, not withdrawn: it has been sent to no one and approved by no one.
 */
export type MaterialAction = 'EDIT' | 'APPROVE' | 'DISTRIBUTE' | 'WITHDRAW';

const ALLOWED: Record<MaterialAction, { from: readonly MaterialStatus[]; to: MaterialStatus }> = {
  EDIT: { from: ['DRAFT'], to: 'DRAFT' },
  APPROVE: { from: ['DRAFT'], to: 'APPROVED' },
  DISTRIBUTE: { from: ['APPROVED'], to: 'DISTRIBUTED' },
  WITHDRAW: { from: ['APPROVED', 'DISTRIBUTED'], to: 'WITHDRAWN' },
};

const REFUSAL: Record<MaterialAction, (status: MaterialStatus) => string> = {
  EDIT: () => 'only a DRAFT can be edited',
  APPROVE: () => 'only a DRAFT can be approved',
  DISTRIBUTE: () => 'only an APPROVED material can be distributed',
  WITHDRAW: (status) => (status === 'DRAFT' ? 'a DRAFT is edited, not withdrawn' : 'the material is already withdrawn'),
};

export type Transition = { ok: true; status: MaterialStatus } | { ok: false; message: string };

export function transition(status: MaterialStatus, action: MaterialAction): Transition {
  const rule = ALLOWED[action];
  if (!rule.from.includes(status)) return { ok: false, message: `${REFUSAL[action](status)} (it is ${status})` };
  return { ok: true, status: rule.to };
}
