import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import {
  leastPickedUpMaterials,
  parsePeriod,
  requireRole,
  scopeRoot,
  TOPIC_NAMES,
  uptakeByTopic,
  uptakeRate,
  type TopicCode,
} from '@hub/common';
import type { OrganizationsContext } from '../context.js';
import { NO_REACH, reachByGroup } from '../data/reach.repo.js';
import { materialUptake } from '../data/uptake.repo.js';
import type { MaterialUptakeResolvers, QueryResolvers, ReachRowResolvers } from '../generated/graphql.js';
import type { MaterialUptakeRow, ReachSums } from './mappers.js';

/** OPERATOR and HEAD read it too, counting only the recipients in their tree. */
const READERS = ['ADMIN', 'ANALYST', 'EDITOR', 'OPERATOR', 'HEAD'] as const;

/** Whether the field's selection asks for `name` (directly, or in a fragment). */
function selects(info: GraphQLResolveInfo, name: string): boolean {
  const within = (set: SelectionSetNode | undefined): boolean =>
    set?.selections.some((selection) =>
      selection.kind === Kind.FIELD
        ? selection.name.value === name
        : within(selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : info.fragments[selection.name.value]?.selectionSet),
    ) ?? false;
  return info.fieldNodes.some((node) => within(node.selectionSet));
}

async function weekUptake(ctx: OrganizationsContext, label: string, info: GraphQLResolveInfo) {
  requireRole(ctx.auth, ...READERS);
  const week = parsePeriod(label, ctx.timezone, { field: 'week', kinds: ['WEEK'] });
  return materialUptake(ctx.em, week, scopeRoot(ctx.auth), { reach: selects(info, 'reach') });
}

const withRate = <T extends { placedBy: number; recipients: number }>(row: T) => ({
  ...row,
  uptakeRate: uptakeRate(row.placedBy, row.recipients),
});

const isTopic = (topic: string): topic is TopicCode => Object.hasOwn(TOPIC_NAMES, topic);

/** The rows' topic is content's material_topic column (docs/READ-CONTRACTS.md): one of the SDL's MaterialTopic values. */
function topicOf(topic: string): TopicCode {
  if (!isTopic(topic)) throw new Error(`an unknown topic ${topic} was read`);
  return topic;
}

function addReach(sum: ReachSums, reach: ReachSums | undefined): ReachSums {
  if (!reach) return sum;
  return {
    placements: sum.placements + reach.placements,
    placementsSeen: sum.placementsSeen + reach.placementsSeen,
    views: sum.views + reach.views,
    likes: sum.likes + reach.likes,
    reposts: sum.reposts + reach.reposts,
    comments: sum.comments + reach.comments,
  };
}

/** Reach is read with the rows only when the query selects it (weekUptake). */
const reachRead = (row: Pick<MaterialUptakeRow, 'reach'>): ReachSums => {
  if (!row.reach) throw new Error('uptake reach was not read with the rows');
  return row.reach;
};

export const UptakeQuery: QueryResolvers = {
  contentUptake: async (_, args, ctx, info) => leastPickedUpMaterials(await weekUptake(ctx, args.week, info)).map(withRate),
  topicUptake: async (_, args, ctx, info) => {
    const materials = await weekUptake(ctx, args.week, info);
    return uptakeByTopic(materials).map((row) => ({
      ...withRate(row),
      topic: topicOf(row.topic),
      reach: materials.filter((m) => m.topic === row.topic).reduce((sum, m) => addReach(sum, m.reach), NO_REACH),
    }));
  },
  reach: async (_, args, ctx) => {
    requireRole(ctx.auth, ...READERS);
    const period = parsePeriod(args.period, ctx.timezone, { field: 'period', kinds: ['WEEK', 'MONTH'] });
    return reachByGroup(ctx.em, period, args.groupBy, scopeRoot(ctx.auth), ctx.timezone);
  },
};

export const MaterialUptake: MaterialUptakeResolvers = {
  material: (row) => ({ __typename: 'Material', id: row.materialId }),
  reach: reachRead,
};

export const ReachRow: ReachRowResolvers = {
  material: (row) => (row.groupBy === 'MATERIAL' ? { __typename: 'Material', id: row.key } : null),
  topic: (row) => (row.groupBy === 'TOPIC' ? topicOf(row.key) : null),
  organization: (row, _args, ctx) => (row.groupBy === 'ORGANIZATION' ? ctx.organizations.byId.load(row.key) : null),
  week: (row) => (row.groupBy === 'WEEK' ? row.key : null),
};
