import { signToken, type Role } from '../auth.js';

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';

/** `sub` names someone else of the same role: a second editor approving an author's material, say. */
export function tokenFor(
  role: Role,
  org: string | null = null,
  expiresIn: string | number = '1h',
  sub = `test-${role.toLowerCase()}`,
): Promise<string> {
  return signToken(TEST_JWT_SECRET, { sub, role, org }, expiresIn);
}
