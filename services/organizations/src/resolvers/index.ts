import { createDateTimeScalar, type SubgraphRuntime } from '@hub/common';
import type { Resolvers } from '../generated/graphql.js';
import { Query } from './query.js';
import { Mutation, ReportPlacementsResult } from './mutation.js';
import { Organization } from './organization.js';
import { OfficialPage } from './official-page.js';
import { Material, MediaPublication, OrganizationActivity, Placement } from './placement.js';
import { MaterialUptake, ReachRow, UptakeQuery } from './uptake.js';
import { WidgetCoverageQuery } from './widget-coverage.js';
import { Me, PeopleMutation, PeopleQuery, User } from './people.js';

export const resolvers = (runtime: SubgraphRuntime): Resolvers => ({
  DateTime: createDateTimeScalar(runtime.timezone),
  Query: { ...Query, ...UptakeQuery, ...WidgetCoverageQuery, ...PeopleQuery },
  Mutation: { ...Mutation, ...PeopleMutation },
  ReportPlacementsResult,
  Organization: { ...Organization, ...OrganizationActivity },
  OfficialPage,
  Material,
  Placement,
  MediaPublication,
  MaterialUptake,
  ReachRow,
  User,
  Me,
});
