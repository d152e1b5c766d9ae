import { badInput, requireRole } from '@hub/common';
import type { MaterialResolvers, MethodologicalNoteResolvers, QueryResolvers } from '../generated/graphql.js';
import { NOTE_READERS } from '../commands/note.commands.js';
import { listNotes } from '../data/notes.repo.js';

const DEFAULT_NOTES = 100;
const MAX_NOTES = 500;

export const noteQueries: QueryResolvers = {
  methodologicalNotes: (_, args, ctx) => {
    requireRole(ctx.auth, ...NOTE_READERS);
    const first = args.first ?? DEFAULT_NOTES;
    if (!Number.isInteger(first) || first < 0 || first > MAX_NOTES) throw badInput('first', `first must be between 0 and ${MAX_NOTES}`);
    return listNotes(ctx.em, args.open ?? null, first);
  },
};

export const MethodologicalNote: MethodologicalNoteResolvers = {
  material: (note, _, ctx) => (note.materialId ? ctx.materials.byId.load(note.materialId) : null),
};

export const materialNotes: MaterialResolvers['notes'] = (material, _, ctx) => {
  requireRole(ctx.auth, ...NOTE_READERS);
  return ctx.notesOf.load(material.id);
};
