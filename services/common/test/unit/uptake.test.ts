import { describe, expect, it } from 'vitest';
import { leastPickedUpMaterials, uptakeByTopic, uptakeRate, type MaterialUptake } from '../../src/uptake.js';

const material = (materialId: string, topic: string, day: number, recipients: number, placedBy: number): MaterialUptake => ({
  materialId,
  topic,
  distributedAt: new Date(Date.UTC(2026, 10, day)),
  recipients,
  placedBy,
});

describe('uptake rate', () => {
  it('is the share of recipients that placed the material', () => {
    expect(uptakeRate(3, 4)).toBe(0.75);
    expect(uptakeRate(0, 2)).toBe(0);
  });

  it('is null when the material reached no one', () => {
    expect(uptakeRate(0, 0)).toBeNull();
  });
});

describe('least picked up first', () => {
  it('orders materials by rate, then by distribution time, leaving "no recipients" last', () => {
    const rows = [
      material('a', 'SOCIAL', 24, 4, 3),
      material('none', 'SOCIAL', 20, 0, 0),
      material('b', 'SOCIAL', 25, 2, 1),
      material('c', 'CULTURE', 23, 4, 2),
      material('d', 'SPORT', 26, 5, 0),
    ];
    expect(leastPickedUpMaterials(rows).map((m) => m.materialId)).toEqual(['d', 'c', 'b', 'a', 'none']);
  });

  it('sums a topic over its materials: pairs sent and pairs placed', () => {
    const rows = [
      material('a', 'SOCIAL', 23, 4, 3),
      material('b', 'SOCIAL', 24, 2, 0),
      material('c', 'CULTURE', 25, 2, 2),
      material('d', 'SPORT', 26, 10, 1),
    ];
    expect(uptakeByTopic(rows)).toEqual([
      { topic: 'SPORT', materials: 1, recipients: 10, placedBy: 1 },
      { topic: 'SOCIAL', materials: 2, recipients: 6, placedBy: 3 },
      { topic: 'CULTURE', materials: 1, recipients: 2, placedBy: 2 },
    ]);
  });

  it('breaks a tie between topics by name', () => {
    const rows = [material('a', 'SOCIAL', 23, 2, 1), material('b', 'CULTURE', 24, 4, 2)];
    expect(uptakeByTopic(rows).map((t) => t.topic)).toEqual(['CULTURE', 'SOCIAL']);
  });
});
