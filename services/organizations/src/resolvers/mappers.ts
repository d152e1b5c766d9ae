// What the organizations subgraph's resolvers receive as the parent of a type that is neither one
// of its entities nor the schema's own shape (codegen.ts maps the types to these). No imports from
// src/generated: the generated types import this file.
import type { MaterialUptake } from '@hub/common';

/** A material is content's entity: this subgraph only holds the key and adds fields to it. */
export interface MaterialReference {
  __typename?: 'Material';
  id: string;
}

/** What a set of placements reached (the SDL's Reach): monitoring.post_reach summed over them (data/reach.repo.ts). */
export interface ReachSums {
  placements: number;
  placementsSeen: number;
  views: number;
  likes: number;
  reposts: number;
  comments: number;
}

/**
 * A material's uptake row with its rate (resolvers/uptake.ts); MaterialUptake.material resolves the
 * reference. `reach` is read in the same statement when the query asks for it.
 */
export interface MaterialUptakeRow extends MaterialUptake {
  uptakeRate: number | null;
  reach?: ReachSums;
}

/** One group of reach(period, groupBy): its key as the grouping reads it (an id, a topic, a week label). */
export interface ReachGroupRow {
  groupBy: 'MATERIAL' | 'TOPIC' | 'ORGANIZATION' | 'WEEK';
  key: string;
  reach: ReachSums;
}
