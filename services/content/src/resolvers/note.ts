import { badInput, requireRole } from '@hub/common';
import type { ContentContext } from '../context.js';
import type { Material } from '../entities/material.entity.js';
import type { MethodologicalNote as NoteRow } from '../entities/methodological-note.entity.js';
import { NOTE_READERS } from '../commands/note.commands.js';
import { listNotes } from '../data/notes.repo.js';

const DEFAULT_NOTES = 100;
const MAX_NOTES = 500;

export const noteQueries = {
  methodologicalNotes: (_: unknown, args: { open?: boolean | null; first?: number | null }, ctx: ContentContext) => {
    requireRole(ctx.auth, ...NOTE_READERS);
    const first = args.first ?? DEFAULT_NOTES;
    if (!Number.isInteger(first) || first < 0 || first > MAX_NOTES) throw badInput('first', `first must be between 0 and ${MAX_NOTES}`);
    return listNotes(ctx.em, args.open ?? null, first);
  },
};

export const MethodologicalNote = {
  material: (note: NoteRow, _: unknown, ctx: ContentContext) => (note.materialId ? ctx.materials.byId.load(note.materialId) : null),
};

export const materialNotes = (material: Material, _: unknown, ctx: ContentContext) => {
  requireRole(ctx.auth, ...NOTE_READERS);
  return ctx.notesOf.load(material.id);
};
