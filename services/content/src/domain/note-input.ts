import { z } from 'zod';
import { freeText } from '@hub/common';
import { MATERIAL_TOPICS } from '../entities/material.entity.js';

const NOTE_MAX = 4000;

/** Normalised free text (NFC, no invisible or bidi characters), never empty. */
const text = (max: number) => freeText(max);

/** The week is checked against the region's calendar by the command (parsePeriod), not here. */
export const methodologicalNoteInput = z.object({
  text: text(NOTE_MAX),
  materialId: z.uuid('is not a valid id').nullish(),
  topic: z.enum(MATERIAL_TOPICS).nullish(),
  week: z.string().trim().min(1, 'must not be empty').max(20, 'is not a week such as 2026-W48').nullish(),
});
export type MethodologicalNoteInput = z.infer<typeof methodologicalNoteInput>;

/** An answer is optional: marking a note answered may be all the reply it needs. */
export const noteAnswerInput = z.object({ answer: text(NOTE_MAX).nullish() });
