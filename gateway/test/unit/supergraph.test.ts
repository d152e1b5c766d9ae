import { describe, expect, it } from 'vitest';
import { buildSchema } from 'graphql';
import { composeSubgraphs, composeSupergraph, CompositionError } from '../../src/supergraph.js';

const urls = {
  content: 'http://content/graphql',
  organizations: 'http://organizations/graphql',
  compliance: 'http://compliance/graphql',
  monitoring: 'http://monitoring/graphql',
};
const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

describe('supergraph', () => {
  it('composes the four checked-in subgraph schemas', () => {
    const sdl = composeSupergraph(urls);
    expect(sdl).toContain('join__Graph');
    for (const url of Object.values(urls)) expect(sdl).toContain(url);
    expect(() => buildSchema(sdl)).not.toThrow();
  });

  it('fails with the composition error when two subgraphs disagree', () => {
    const a = `${LINK}\ntype Query { a: Int }\ntype Thing @key(fields: "id") { id: ID! name: String! }`;
    const b = `${LINK}\ntype Query { b: Int }\ntype Thing @key(fields: "id") { id: ID! name: Int! }`;
    expect(() =>
      composeSubgraphs([
        { name: 'a', url: 'http://a', sdl: a },
        { name: 'b', url: 'http://b', sdl: b },
      ]),
    ).toThrow(CompositionError);
  });
});
