import {
  leastPickedUpMaterials,
  parsePeriod,
  requireRole,
  scopeRoot,
  TOPIC_NAMES,
  uptakeByTopic,
  uptakeRate,
  type MaterialUptake as UptakeRow,
  type TopicCode,
} from '@hub/common';
import type { OrganizationsContext } from '../context.js';
import { materialUptake } from '../data/uptake.repo.js';
import type { MaterialUptakeResolvers, QueryResolvers } from '../generated/graphql.js';

/** OPERATOR and HEAD read it too, counting only the recipients in their tree. */
const READERS = ['ADMIN', 'ANALYST', 'EDITOR', 'OPERATOR', 'HEAD'] as const;

async function weekUptake(ctx: OrganizationsContext, label: string): Promise<UptakeRow[]> {
  requireRole(ctx.auth, ...READERS);
  const week = parsePeriod(label, ctx.timezone, { field: 'week', kinds: ['WEEK'] });
  return materialUptake(ctx.em, week, scopeRoot(ctx.auth));
}

const withRate = <T extends { placedBy: number; recipients: number }>(row: T) => ({
  ...row,
  uptakeRate: uptakeRate(row.placedBy, row.recipients),
});

const isTopic = (topic: string): topic is TopicCode => Object.hasOwn(TOPIC_NAMES, topic);

/** The rows' topic is content's material_topic column (docs/READ-CONTRACTS.md): one of the SDL's MaterialTopic values. */
function topicOf(topic: string): TopicCode {
  if (!isTopic(topic)) throw new Error(`material_uptake answered an unknown topic ${topic}`);
  return topic;
}

export const UptakeQuery: QueryResolvers = {
  contentUptake: async (_, args, ctx) => leastPickedUpMaterials(await weekUptake(ctx, args.week)).map(withRate),
  topicUptake: async (_, args, ctx) =>
    uptakeByTopic(await weekUptake(ctx, args.week)).map((row) => withRate({ ...row, topic: topicOf(row.topic) })),
};

export const MaterialUptake: MaterialUptakeResolvers = {
  material: (row) => ({ __typename: 'Material', id: row.materialId }),
};
