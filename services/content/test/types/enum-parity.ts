// Compiled by `npm run typecheck`, never run. The domain keeps its own enumerations (the entities'
// database enums, the shared vocabulary) because it needs their values at run time; this holds
// each of them to the SDL enum it mirrors, value for value, both ways.
import type { OrganizationKind } from '@hub/common';
import type { MaterialStatus, MaterialTopic } from '../../src/entities/material.entity.js';
import type * as Sdl from '../../src/generated/graphql.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const enumParity: [
  Same<Sdl.MaterialTopic, MaterialTopic>,
  Same<Sdl.MaterialStatus, MaterialStatus>,
  Same<Sdl.OrganizationKind, OrganizationKind>,
] = [true, true, true];
