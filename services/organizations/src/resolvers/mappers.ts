// What the organizations subgraph's resolvers receive as the parent of a type that is neither one
// of its entities nor the schema's own shape (codegen.ts maps the types to these). No imports from
// src/generated: the generated types import this file.
import type { MaterialUptake } from '@hub/common';

/** A material is content's entity: this subgraph only holds the key and adds fields to it. */
export interface MaterialReference {
  __typename?: 'Material';
  id: string;
}

/** A material's uptake row with its rate (resolvers/uptake.ts); MaterialUptake.material resolves the reference. */
export interface MaterialUptakeRow extends MaterialUptake {
  uptakeRate: number | null;
}
