import type { ContentContext } from '../context.js';
import {
  approveMaterial, createMaterial, distributeMaterial, updateMaterial, withdrawMaterial, type ContentPolicy,
} from '../commands/material.commands.js';
import { addMethodologicalNote, markNoteAnswered } from '../commands/note.commands.js';

type Resolver<A> = (_: unknown, args: A, ctx: ContentContext) => unknown;

export const mutationResolvers = (policy: ContentPolicy): Record<string, Resolver<any>> => ({
  createMaterial: (_, args: { input: unknown }, ctx) => createMaterial(ctx, args.input),
  updateMaterial: (_, args: { id: string; input: unknown }, ctx) => updateMaterial(ctx, args.id, args.input),
  approveMaterial: (_, args: { id: string }, ctx) => approveMaterial(ctx, args.id, policy),
  distributeMaterial: (_, args: { id: string; audience: unknown }, ctx) => distributeMaterial(ctx, args.id, args.audience),
  withdrawMaterial: (_, args: { id: string; reason: unknown }, ctx) => withdrawMaterial(ctx, args.id, args.reason),
  addMethodologicalNote: (_, args: { input: unknown }, ctx) => addMethodologicalNote(ctx, args.input),
  markNoteAnswered: (_, args: { id: string; answer?: unknown }, ctx) => markNoteAnswered(ctx, args.id, args.answer),
});
