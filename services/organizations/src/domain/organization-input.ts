import { z } from 'zod';
import { ORGANIZATION_KINDS } from '@hub/common';
import { isValidInn } from './inn.js';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const email = z.string().trim().toLowerCase().pipe(z.email('is not a valid e-mail address'));
const inn = z
  .string()
  .trim()
  .refine((v) => /^\d{10}$|^\d{12}$/.test(v), 'must be 10 or 12 digits')
  .refine(isValidInn, 'has a wrong check digit');
const id = z.uuid('is not a valid id');

export const personInput = z.object({
  fullName: text(200),
  position: text(300),
  email,
});

export const registerOrganizationInput = z.object({
  name: text(500),
  shortName: text(200).nullish(),
  kind: z.enum(ORGANIZATION_KINDS),
  parentId: id.nullish(),
  inn: inn.nullish(),
  head: personInput,
  contactEmail: email.nullish(),
});
export type RegisterOrganizationInput = z.infer<typeof registerOrganizationInput>;

export const updateOrganizationInput = z.object({
  name: text(500).optional(),
  shortName: text(200).nullish(),
  parentId: id.nullish(),
  inn: inn.nullish(),
  head: personInput.optional(),
  contactEmail: email.nullish(),
});
export type UpdateOrganizationInput = z.infer<typeof updateOrganizationInput>;

export const deactivationReason = text(1000);
export const entityId = id;
