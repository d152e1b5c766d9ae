import { z } from 'zod';
import { freeText } from '@hub/common';
import { MATERIAL_TOPICS } from '../entities/material.entity.js';
import { bodyProblem, titleProblem } from './material-quality.js';

const TITLE_MAX = 200;
const BODY_MAX = 20_000;

/** Normalised free text (NFC, no invisible or bidi characters), never empty. */
const text = (max: number) => freeText(max);

/** Hashtags are stored without '#', one word of letters, digits or underscores. */
const hashtags = z
  .array(
    z
      .string()
      .trim()
      .transform((tag) => tag.replace(/^#+/, ''))
      .pipe(z.string().regex(/^[\p{L}\p{N}_]{1,50}$/u, 'a hashtag is one word of letters, digits or _ (up to 50)')),
  )
  .max(10, 'at most 10 hashtags')
  .transform((tags) => [...new Set(tags)]);

const mediaLinks = z.array(z.url({ protocol: /^https$/, error: 'must be an https URL' }).max(2000)).max(10, 'at most 10 media links');

const placementWindow = z
  .object({ from: z.date().nullish(), until: z.date().nullish() })
  .refine((w) => !w.from || !w.until || w.until > w.from, { message: 'must end after it starts', path: ['until'] });

/** A zod check from a domain rule that answers why a value is refused, or null. */
const holds = (problem: (value: string) => string | null) => (value: string, ctx: z.RefinementCtx) => {
  const message = problem(value);
  if (message) ctx.addIssue({ code: 'custom', message });
};

const title = text(TITLE_MAX).superRefine(holds(titleProblem));

/** Paragraphs are separated by blank lines; Windows line ends and trailing spaces are normalized. */
const body = text(BODY_MAX)
  .superRefine(holds(bodyProblem))
  .transform((value) => value.replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n'));

export const createMaterialInput = z.object({
  title,
  body,
  topic: z.enum(MATERIAL_TOPICS),
  summary: text(500).nullish(),
  hashtags: hashtags.nullish(),
  mediaLinks: mediaLinks.nullish(),
  placementWindow: placementWindow.nullish(),
});
export type CreateMaterialInput = z.infer<typeof createMaterialInput>;

export const updateMaterialInput = createMaterialInput.partial();
export type UpdateMaterialInput = z.infer<typeof updateMaterialInput>;

export const withdrawalReason = text(1000);
/** withdrawMaterial's reason argument, so that a refusal names the field `reason`. */
export const withdrawalInput = z.object({ reason: withdrawalReason });
