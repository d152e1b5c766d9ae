import { z } from 'zod';
import { ORGANIZATION_KINDS, USER_ROLES, emailAddress, freeText } from '@hub/common';
import { innProblem } from './inn.js';

/** Names, positions and reasons: normalised free text (NFC, no invisible or bidi characters), never empty. */
const text = (max: number) => freeText(max);
const email = emailAddress();
const inn = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const problem = innProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
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
/** deactivateOrganization's reason argument, so that a refusal names the field `reason`. */
export const deactivationInput = z.object({ reason: deactivationReason });
export const entityId = id;

/** A person who may sign in: OPERATOR and HEAD act for an organization, the other roles for the region. */
export const inviteUserInput = z
  .object({
    email,
    fullName: text(200),
    role: z.enum(USER_ROLES, { error: 'must be ADMIN, EDITOR, OPERATOR, ANALYST or HEAD' }),
    organizationId: id.nullish(),
  })
  .superRefine((input, ctx) => {
    const scoped = input.role === 'OPERATOR' || input.role === 'HEAD';
    if (scoped && !input.organizationId)
      ctx.addIssue({ code: 'custom', path: ['organizationId'], message: `a ${input.role} acts for an organization: name it` });
    if (!scoped && input.organizationId)
      ctx.addIssue({ code: 'custom', path: ['organizationId'], message: `a ${input.role} acts for the whole region: leave it out` });
  });
