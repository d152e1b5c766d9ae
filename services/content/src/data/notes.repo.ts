import type { EntityManager } from '@mikro-orm/postgresql';
import { MethodologicalNoteEntity, type MethodologicalNote } from '../entities/methodological-note.entity.js';

const NEWEST_FIRST = { createdAt: 'desc', id: 'desc' } as const;

/** Notes newest first; open: true = unanswered, false = answered, null = all. */
export function listNotes(em: EntityManager, open: boolean | null, limit: number): Promise<MethodologicalNote[]> {
  const where = open === null ? {} : { answeredAt: open ? null : { $ne: null } };
  return em.find(MethodologicalNoteEntity, where, { orderBy: NEWEST_FIRST, limit });
}

/** Each material's notes, newest first, in one statement. */
export async function notesOfMaterials(em: EntityManager, materialIds: readonly string[]): Promise<Map<string, MethodologicalNote[]>> {
  const notes = await em.find(MethodologicalNoteEntity, { materialId: { $in: [...materialIds] } }, { orderBy: NEWEST_FIRST });
  const byMaterial = new Map<string, MethodologicalNote[]>();
  for (const note of notes) byMaterial.set(note.materialId!, [...(byMaterial.get(note.materialId!) ?? []), note]);
  return byMaterial;
}
