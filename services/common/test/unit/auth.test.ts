import { describe, expect, it } from 'vitest';
import { SignJWT, UnsecuredJWT, decodeJwt } from 'jose';
import { HubError, signToken, verifyToken, authenticate } from '../../src/index.js';
import { TEST_JWT_SECRET, tokenFor } from '../../src/testing/tokens.js';

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
    const noExp = await new SignJWT({ role: 'ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .sign(new TextEncoder().encode(SECRET));
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

  // Security review: a token signed to live a century, or issued in the future, was accepted.
  it('refuses a token that lives longer than the accepted maximum (30 days unless configured)', async () => {
    const key = new TextEncoder().encode(SECRET);
    const now = Math.floor(Date.now() / 1000);
    const DAY = 86_400;
    const sign = (times: { iat?: number; exp: number }) => {
      const jwt = new SignJWT({ role: 'ADMIN' }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setExpirationTime(times.exp);
      return (times.iat === undefined ? jwt : jwt.setIssuedAt(times.iat)).sign(key);
    };
    const century = await sign({ iat: now, exp: now + 100 * 365 * DAY });
    await expect(verifyToken(SECRET, century)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/lifetime.*30 days/),
    });
    // Without iat, what is left of its life counts.
    await expect(verifyToken(SECRET, await sign({ exp: now + 31 * DAY }))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/30 days/),
    });
    expect(await codeOf(verifyToken(SECRET, await sign({ exp: now + 29 * DAY })))).toBe('OK');
    // Exactly the maximum passes (the ADMIN token `npm start` prints lives 30 days).
    expect(await codeOf(verifyToken(SECRET, await signToken(SECRET, { sub: 'x', role: 'ADMIN', org: null }, '30d')))).toBe('OK');
    expect(await codeOf(verifyToken(SECRET, await signToken(SECRET, { sub: 'x', role: 'ADMIN', org: null }, '31d')))).toBe(
      'UNAUTHENTICATED',
    );
    // An old iat with an exp still ahead: its lifetime, not what is left, is too long.
    expect(await codeOf(verifyToken(SECRET, await sign({ iat: now - 40 * DAY, exp: now + DAY })))).toBe('UNAUTHENTICATED');
    // The limit is configurable, and authenticate() takes it too.
    const week = await sign({ iat: now, exp: now + 7 * DAY });
    expect(await codeOf(verifyToken(SECRET, week, { maxTokenDays: 5 }))).toBe('UNAUTHENTICATED');
    expect(await codeOf(authenticate(SECRET, `Bearer ${week}`, { maxTokenDays: 5 }))).toBe('UNAUTHENTICATED');
    expect(await codeOf(authenticate(SECRET, `Bearer ${week}`))).toBe('OK');
    expect(await codeOf(authenticate(SECRET, `Bearer ${century}`))).toBe('UNAUTHENTICATED');
  });

  it('refuses a token issued in the future beyond a minute of clock skew', async () => {
    const key = new TextEncoder().encode(SECRET);
    const now = Math.floor(Date.now() / 1000);
    const sign = (iat: number) =>
      new SignJWT({ role: 'ADMIN' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('x')
        .setIssuedAt(iat)
        .setExpirationTime(iat + 3600)
        .sign(key);
    await expect(verifyToken(SECRET, await sign(now + 3600))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/issued in the future/),
    });
    expect(await codeOf(verifyToken(SECRET, await sign(now + 120)))).toBe('UNAUTHENTICATED');
    expect(await codeOf(verifyToken(SECRET, await sign(now + 30)))).toBe('OK');
  });

  it('signs tokens with iat, and the test tokens stay within the limit', async () => {
    const token = await signToken(SECRET, { sub: 'x', role: 'ADMIN', org: null });
    const payload = decodeJwt(token);
    expect(payload.iat).toBeTypeOf('number');
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(30 * 86_400);
    expect(await verifyToken(TEST_JWT_SECRET, await tokenFor('ADMIN'))).toMatchObject({ role: 'ADMIN' });
  });

  it('requires a Bearer header', async () => {
    expect(await codeOf(authenticate(SECRET, undefined))).toBe('UNAUTHENTICATED');
    expect(await codeOf(authenticate(SECRET, 'Basic abc'))).toBe('UNAUTHENTICATED');
  });
});
