import { describe, expect, it } from 'vitest';
import { REQUESTS_PER_ADDRESS, REQUESTS_PER_CLIENT, newSecret, secretHash, signInRequest, withinLimits } from '../../src/domain/sign-in.js';
import { signInLetter } from '../../src/mail/sign-in-letter.js';

describe('sign-in links and sessions', () => {
  it('makes 256-bit URL-safe secrets and stores only their hash', () => {
    const secret = newSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/u);
    expect(newSecret()).not.toBe(secret);
    expect(secretHash(secret)).toMatch(/^[0-9a-f]{64}$/u);
    expect(secretHash(secret)).not.toContain(secret);
  });

  it('counts requests per address and per client, whoever the address belongs to', () => {
    expect(withinLimits({ byAddress: REQUESTS_PER_ADDRESS - 1, byClient: 0 })).toBe(true);
    expect(withinLimits({ byAddress: REQUESTS_PER_ADDRESS, byClient: 0 })).toBe(false);
    expect(withinLimits({ byAddress: 0, byClient: REQUESTS_PER_CLIENT })).toBe(false);
    expect(signInRequest.parse({ email: '  Admin@KHV-region.test ' }).email).toBe('admin@khv-region.test');
  });

  it('writes a letter with the link as a button and in the text, deduplicated by the token, never by the address', () => {
    const letter = signInLetter(
      { email: 'a@khv-region.test', fullName: 'Иванова Анна Петровна' },
      'https://hub.test/sign-in/TOKEN',
      'HASH',
    );
    expect(letter).toMatchObject({ kind: 'SIGN_IN', dedupKey: 'sign-in:HASH', to: 'a@khv-region.test' });
    expect(letter.html).toContain('<a href="https://hub.test/sign-in/TOKEN"');
    expect(letter.text).toContain('Войти: https://hub.test/sign-in/TOKEN');
    expect(letter.text).toContain('Иванова Анна Петровна');
  });
});
