import type { MutationResolvers } from '../generated/graphql.js';
import {
  approveMaterial,
  createMaterial,
  distributeMaterial,
  updateMaterial,
  withdrawMaterial,
  type ContentPolicy,
} from '../commands/material.commands.js';
import { addMethodologicalNote, markNoteAnswered } from '../commands/note.commands.js';

// The commands take the inputs as unknown and parse them themselves (zod): the SDL's shape is not
// yet a valid material or note.
export const mutationResolvers = (policy: ContentPolicy): MutationResolvers => ({
  createMaterial: (_, args, ctx) => createMaterial(ctx, args.input),
  updateMaterial: (_, args, ctx) => updateMaterial(ctx, args.id, args.input),
  approveMaterial: (_, args, ctx) => approveMaterial(ctx, args.id, policy),
  distributeMaterial: (_, args, ctx) => distributeMaterial(ctx, args.id, args.audience),
  withdrawMaterial: (_, args, ctx) => withdrawMaterial(ctx, args.id, args.reason),
  addMethodologicalNote: (_, args, ctx) => addMethodologicalNote(ctx, args.input),
  markNoteAnswered: (_, args, ctx) => markNoteAnswered(ctx, args.id, args.answer),
});
