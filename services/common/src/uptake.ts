/**
 * Uptake of regional content: of the organizations a material was sent to, how many placed it.
 * A topic's uptake sums its materials' recipient pairs, so it always agrees with theirs. Read by
 * the organizations subgraph (contentUptake, topicUptake) and by compliance's Monday letters.
 */
export interface MaterialUptake {
  materialId: string;
  topic: string;
  distributedAt: Date;
  recipients: number;
  placedBy: number;
}

export interface TopicUptake {
  topic: string;
  materials: number;
  recipients: number;
  placedBy: number;
}

/** placedBy / recipients; null when there was no one to place it. */
export function uptakeRate(placedBy: number, recipients: number): number | null {
  return recipients === 0 ? null : placedBy / recipients;
}

/** Lowest rate first; "no recipients" says nothing about uptake, so it goes last. */
function byRate(a: { placedBy: number; recipients: number }, b: { placedBy: number; recipients: number }): number {
  const ra = uptakeRate(a.placedBy, a.recipients);
  const rb = uptakeRate(b.placedBy, b.recipients);
  if (ra === rb) return 0;
  if (ra === null) return 1;
  if (rb === null) return -1;
  return ra - rb;
}

export function leastPickedUpMaterials<T extends MaterialUptake>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      byRate(a, b) ||
      a.distributedAt.getTime() - b.distributedAt.getTime() ||
      (a.materialId < b.materialId ? -1 : a.materialId > b.materialId ? 1 : 0),
  );
}

export function uptakeByTopic(materials: readonly MaterialUptake[]): TopicUptake[] {
  const topics = new Map<string, TopicUptake>();
  for (const m of materials) {
    const sum = topics.get(m.topic) ?? { topic: m.topic, materials: 0, recipients: 0, placedBy: 0 };
    sum.materials += 1;
    sum.recipients += m.recipients;
    sum.placedBy += m.placedBy;
    topics.set(m.topic, sum);
  }
  return [...topics.values()].sort((a, b) => byRate(a, b) || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
}
