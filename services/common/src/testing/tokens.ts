import { signToken, type Role } from '../auth.js';

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';

export function tokenFor(role: Role, org: string | null = null, expiresIn: string | number = '1h'): Promise<string> {
  return signToken(TEST_JWT_SECRET, { sub: `test-${role.toLowerCase()}`, role, org }, expiresIn);
}
