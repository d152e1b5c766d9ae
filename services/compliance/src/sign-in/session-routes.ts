import express, { type Express, type Request, type Response } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import { HubError, sendRefusal, type Orm, type SubgraphRuntime } from '@hub/common';
import { closeSession, openSession, sessionOf, type SignInDeps } from '../commands/sign-in.commands.js';

/**
 * The gateway's side door to sign-in (docs/DESIGN.md, "Signing in"): open a session with a link's
 * token, tell who a session is for, close one. Only the gateway reaches these (the subgraph's
 * guard wants its credential); the secrets travel in the body, never in a URL that a log keeps.
 */
export function mountSessionRoutes(app: Express, orm: Orm, runtime: SubgraphRuntime): void {
  const deps = (): SignInDeps => ({ em: orm.em.fork() as EntityManager, clock: runtime.clock, publicUrl: runtime.publicUrl });
  const secretOf = (req: Request, name: string): string => {
    const value = (req.body as Record<string, unknown> | undefined)?.[name];
    if (typeof value !== 'string' || value.length < 20 || value.length > 200)
      throw new HubError('BAD_USER_INPUT', `${name}: missing`, { field: name });
    return value;
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
      const lifetimeMs = Number((req.body as { lifetimeMs?: unknown }).lifetimeMs);
      if (!Number.isInteger(lifetimeMs) || lifetimeMs <= 0)
        throw new HubError('BAD_USER_INPUT', 'lifetimeMs: missing', { field: 'lifetimeMs' });
      const opened = await openSession(deps(), secretOf(req, 'token'), lifetimeMs);
      return opened && { session: opened.session, expiresAt: opened.expiresAt.toISOString(), next: opened.next, ...opened.person };
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
