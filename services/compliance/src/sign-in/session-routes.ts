import express, { type Express, type Request, type Response } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import { HubError, sendRefusal, type Orm, type SubgraphRuntime } from '@hub/common';
import { closeSession, openSession, openSessionForPerson, sessionOf, type SignInDeps } from '../commands/sign-in.commands.js';

/**
 * The gateway's side door to sign-in (docs/DESIGN.md, "Signing in"): open a session with a link's
 * token or for the person of an address an OpenID Connect provider vouched for, tell who a session
 * is for, close one. Only the gateway reaches these (the subgraph's guard wants its credential);
 * the secrets travel in the body, never in a URL that a log keeps.
 */
export function mountSessionRoutes(app: Express, orm: Orm, runtime: SubgraphRuntime): void {
  const deps = (): SignInDeps => ({ em: orm.em.fork() as EntityManager, clock: runtime.clock, publicUrl: runtime.publicUrl });
  const secretOf = (req: Request, name: string): string => {
    const value = (req.body as Record<string, unknown> | undefined)?.[name];
    if (typeof value !== 'string' || value.length < 20 || value.length > 200)
      throw new HubError('BAD_USER_INPUT', `${name}: missing`, { field: name });
    return value;
  };
  const lifetimeOf = (req: Request): number => {
    const lifetimeMs = Number((req.body as { lifetimeMs?: unknown }).lifetimeMs);
    if (!Number.isInteger(lifetimeMs) || lifetimeMs <= 0)
      throw new HubError('BAD_USER_INPUT', 'lifetimeMs: missing', { field: 'lifetimeMs' });
    return lifetimeMs;
  };
  const handle = (work: (req: Request) => Promise<unknown>) => async (req: Request, res: Response) => {
    try {
      res.set('cache-control', 'no-store').json(await work(req));
    } catch (err) {
      if (err instanceof HubError) return sendRefusal(res, err);
      runtime.logger.error({ err }, 'session route failed');
      sendRefusal(res, new HubError('SERVICE_UNAVAILABLE', 'Sign-in is unavailable; try again'));
    }
  };
  const json = express.json({ limit: '4kb' });
  app.post(
    '/sessions/open',
    json,
    handle(async (req) => {
      const opened = await openSession(deps(), secretOf(req, 'token'), lifetimeOf(req));
      return opened && { session: opened.session, expiresAt: opened.expiresAt.toISOString(), next: opened.next, ...opened.person };
    }),
  );
  // The gateway comes here only with an address from an ID token it has verified: whoever reaches
  // this route may sign anyone in, which is why it wants the gateway's credential like the others.
  app.post(
    '/sessions/open-for-person',
    json,
    handle(async (req) => {
      const email = (req.body as { email?: unknown }).email;
      if (typeof email !== 'string') throw new HubError('BAD_USER_INPUT', 'email: missing', { field: 'email' });
      const opened = await openSessionForPerson(deps(), email, lifetimeOf(req));
      return opened && { session: opened.session, expiresAt: opened.expiresAt.toISOString(), ...opened.person };
    }),
  );
  app.post(
    '/sessions/resolve',
    json,
    handle(async (req) => {
      const person = await sessionOf(deps(), secretOf(req, 'session'));
      return person && { ...person, expiresAt: person.expiresAt.toISOString() };
    }),
  );
  app.post(
    '/sessions/close',
    json,
    handle(async (req) => {
      await closeSession(deps(), secretOf(req, 'session'));
      return { closed: true };
    }),
  );
}
