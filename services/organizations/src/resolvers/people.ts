import { decodeCursor, encodeCursor, forbidden, idFilter, isUuid, pageSize, referenced, toConnection, type Claims } from '@hub/common';
import type { MutationResolvers, QueryResolvers, UserResolvers, MeResolvers } from '../generated/graphql.js';
import type { OrganizationsContext } from '../context.js';
import { peoplePage, personByEmail, personById, type Person } from '../data/people.repo.js';
import { deactivateUser, inviteUser } from '../commands/people.commands.js';

/** Who is signed in: the registered person the credential names, or the credential alone. */
export interface MeView {
  email: string | null;
  fullName: string | null;
  role: Claims['role'];
  organizationId: string | null;
}

/**
 * The credential's subject is the person's address (a sign-in's token names it); an active person
 * of that address answers with its name. An API client's token names no one: its role and
 * organization only.
 */
async function me(ctx: OrganizationsContext): Promise<MeView> {
  const person = ctx.auth.sub.includes('@') ? await personByEmail(ctx.em, ctx.auth.sub) : null;
  const known = person?.active ? person : null;
  return { email: known?.email ?? null, fullName: known?.fullName ?? null, role: ctx.auth.role, organizationId: ctx.auth.org };
}

/** ADMIN reads every person; a HEAD the people of its tree; no one else. */
function peopleScope(auth: Claims): string | null {
  if (auth.role === 'ADMIN') return null;
  if (auth.role === 'HEAD') return auth.org!;
  throw forbidden(`Role ${auth.role} may not list people`);
}

export const PeopleQuery: QueryResolvers = {
  me: (_, __, ctx) => me(ctx),
  users: async (_, args, ctx) => {
    const withinTreeOf = peopleScope(ctx.auth);
    const organizationId = idFilter(args.organizationId, 'organizationId');
    const size = pageSize(args.first);
    const after = decodeCursor(args.after, ['text', 'uuid']) as [string, string] | null;
    // SYSTEM and GUEST are no person's role: filtering by them finds no one.
    if (args.role === 'SYSTEM' || args.role === 'GUEST') return toConnection([], size, 0, () => '');
    const { totalCount, rows } = await peoplePage(
      ctx.em,
      {
        role: args.role ?? null,
        organizationId,
        withinTreeOf,
        search: args.search?.trim() || null,
        includeInactive: args.includeInactive ?? false,
      },
      { size, after },
    );
    return toConnection(rows, size, totalCount, (person) => encodeCursor([person.fullName, person.id]));
  },
};

export const PeopleMutation: MutationResolvers = {
  inviteUser: (_, args, ctx) => inviteUser(ctx, args.input),
  deactivateUser: (_, args, ctx) => deactivateUser(ctx, args.id),
};

export const User: UserResolvers = {
  __resolveReference: (ref, ctx) => (isUuid(ref.id) ? personById(ctx.em, ref.id) : null),
  organization: (person: Person, _, ctx) =>
    person.organizationId ? referenced(ctx.organizations.byId.load(person.organizationId), 'Organization') : null,
};

export const Me: MeResolvers = {
  // A token's organization claim: null when it names none the registry holds.
  organization: (view, _, ctx) =>
    view.organizationId && isUuid(view.organizationId) ? ctx.organizations.byId.load(view.organizationId) : null,
};
