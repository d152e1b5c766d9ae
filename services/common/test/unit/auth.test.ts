import { describe, expect, it } from 'vitest';
import { SignJWT, UnsecuredJWT } from 'jose';
import { HubError, signToken, verifyToken, authenticate } from '../../src/index.js';

const SECRET = 'unit-secret-unit-secret-unit-secret-0123';
const ORG = '0f5d3a8e-8d7b-4c1e-9a55-1b2c3d4e5f60';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (err) {
    return err instanceof HubError ? err.code : 'UNEXPECTED';
  }
}

describe('tokens', () => {
  it('round-trips the claims of a scoped role', async () => {
    const token = await signToken(SECRET, { sub: 'officer-1', role: 'OPERATOR', org: ORG });
    expect(await verifyToken(SECRET, token)).toEqual({ sub: 'officer-1', role: 'OPERATOR', org: ORG });
  });

  it('refuses a token signed with another secret', async () => {
    const token = await signToken('another-secret-another-secret-another', { sub: 'x', role: 'ADMIN', org: null });
    expect(await codeOf(verifyToken(SECRET, token))).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired token', async () => {
    const token = await signToken(SECRET, { sub: 'x', role: 'ADMIN', org: null }, Math.floor(Date.now() / 1000) - 60);
    await expect(verifyToken(SECRET, token)).rejects.toThrow(/expired/);
  });

  it('refuses alg "none" and a token without exp', async () => {
    const unsigned = new UnsecuredJWT({ role: 'ADMIN' }).setSubject('x').setExpirationTime('1h').encode();
    expect(await codeOf(verifyToken(SECRET, unsigned))).toBe('UNAUTHENTICATED');
    const noExp = await new SignJWT({ role: 'ADMIN' }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').sign(new TextEncoder().encode(SECRET));
    expect(await codeOf(verifyToken(SECRET, noExp))).toBe('UNAUTHENTICATED');
  });

  it('refuses an OPERATOR or HEAD token without the organization it acts for, and unknown roles', async () => {
    const key = new TextEncoder().encode(SECRET);
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setExpirationTime('1h').sign(key);
    expect(await codeOf(verifyToken(SECRET, await sign({ role: 'OPERATOR' })))).toBe('UNAUTHENTICATED');
    expect(await codeOf(verifyToken(SECRET, await sign({ role: 'HEAD' })))).toBe('UNAUTHENTICATED');
    expect(await codeOf(verifyToken(SECRET, await sign({ role: 'ROOT' })))).toBe('UNAUTHENTICATED');
  });

  it('requires a Bearer header', async () => {
    expect(await codeOf(authenticate(SECRET, undefined))).toBe('UNAUTHENTICATED');
    expect(await codeOf(authenticate(SECRET, 'Basic abc'))).toBe('UNAUTHENTICATED');
  });
});
