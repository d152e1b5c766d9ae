import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { MATERIAL_TOPICS } from './material.entity.js';

/**
 * Decree item 5: the regional management center (ЦУР, role ANALYST) gives the content center
 * methodological support. A note concerns a material, a topic, a week, any of them together, or
 * none: advice on the content center's work in general is support too.
 */
export const MethodologicalNoteEntity = defineEntity({
  name: 'MethodologicalNote',
  tableName: 'methodological_note',
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    text: p.text(),
    /** The token's subject. */
    author: p.text(),
    authorRole: p.text(),
    materialId: p.uuid().nullable(),
    topic: p.enum([...MATERIAL_TOPICS]).nullable(),
    /** A local week label, e.g. 2026-W48. */
    week: p.text().nullable(),
    createdAt: p.datetime().defaultRaw('now()'),
    answeredAt: p.datetime().nullable(),
    answeredBy: p.text().nullable(),
    answer: p.text().nullable(),
  },
});

export type MethodologicalNote = InferEntity<typeof MethodologicalNoteEntity>;
