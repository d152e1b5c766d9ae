import { LockMode } from '@mikro-orm/core';
import { HubError, isUuid, notFound, parseInput, parsePeriod, requireRole } from '@hub/common';
import type { ContentContext } from '../context.js';
import { MethodologicalNoteEntity, type MethodologicalNote } from '../entities/methodological-note.entity.js';
import { methodologicalNoteInput, noteAnswerInput } from '../domain/note-input.js';

/** Decree item 5: the ЦУР (ANALYST) supports the content center; the committee (ADMIN) may too. */
export const NOTE_WRITERS = ['ANALYST', 'ADMIN'] as const;
/** The content center answers them (EDITOR), or the committee. */
export const NOTE_ANSWERERS = ['EDITOR', 'ADMIN'] as const;
export const NOTE_READERS = ['EDITOR', 'ADMIN', 'ANALYST'] as const;

export async function addMethodologicalNote(ctx: ContentContext, raw: unknown): Promise<MethodologicalNote> {
  requireRole(ctx.auth, ...NOTE_WRITERS);
  const input = parseInput(methodologicalNoteInput, raw);
  const week = input.week ? parsePeriod(input.week, ctx.timezone, { field: 'week', kinds: ['WEEK'] }).label : null;
  if (input.materialId && !(await ctx.materials.byId.load(input.materialId))) throw notFound('Material', input.materialId, 'materialId');
  const note = ctx.em.create(MethodologicalNoteEntity, {
    text: input.text,
    author: ctx.auth.sub,
    authorRole: ctx.auth.role,
    materialId: input.materialId ?? null,
    topic: input.topic ?? null,
    week,
    createdAt: ctx.clock(),
  });
  await ctx.em.flush();
  return note;
}

export async function markNoteAnswered(ctx: ContentContext, id: string, rawAnswer: unknown): Promise<MethodologicalNote> {
  requireRole(ctx.auth, ...NOTE_ANSWERERS);
  const answer = parseInput(noteAnswerInput, { answer: rawAnswer }).answer ?? null;
  return ctx.em.transactional(async (em) => {
    const note = isUuid(id) ? await em.findOne(MethodologicalNoteEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!note) throw notFound('MethodologicalNote', id, 'id');
    if (note.answeredAt) throw new HubError('CONFLICT', `The note was already answered by ${note.answeredBy}`, { id: note.id });
    note.answeredAt = ctx.clock();
    note.answeredBy = ctx.auth.sub;
    note.answer = answer;
    return note;
  });
}
