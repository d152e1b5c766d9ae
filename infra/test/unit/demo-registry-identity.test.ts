import { describe, expect, it } from 'vitest';
import { generateDemoRegion } from '../../src/demo/region.js';

// The registry refuses a second organization with a registered INN or an active one's name
// (services/organizations/src/commands/organization.commands.ts): the demo region must pass too.
describe('demo registry identities', () => {
  const { organizations } = generateDemoRegion({ seed: 299, now: new Date('2026-11-28T08:00:00Z') });

  it('has no name twice, case and spacing aside', () => {
    const keys = organizations.map((o) => o.name.trim().replace(/\s+/g, ' ').toLowerCase());
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  it('has no INN twice', () => {
    const inns = organizations.map((o) => o.inn).filter((inn): inn is string => !!inn);
    expect(inns.filter((inn, i) => inns.indexOf(inn) !== i)).toEqual([]);
  });
});
