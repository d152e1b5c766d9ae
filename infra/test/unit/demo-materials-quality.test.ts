import { describe, expect, it } from 'vitest';
import { bodyProblem, titleKey, titleProblem } from '@hub/content';
import { MATERIAL_TEMPLATES } from '../../src/demo/materials.js';
import { generateDemoMaterials } from '../../src/demo/content.js';

describe('demo materials meet the content rules an editor is held to', () => {
  it('every template has a real title and body', () => {
    const problems = MATERIAL_TEMPLATES.flatMap((t) =>
      [titleProblem(t.title), bodyProblem(t.body)].filter(Boolean).map((p) => `${t.title}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it('no title repeats, so no distribution clashes with one of the four weeks before', () => {
    const keys = MATERIAL_TEMPLATES.map((t) => titleKey(t.title));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('someone other than the author approved each approved material', () => {
    const rows = generateDemoMaterials({ seed: 299, now: new Date('2026-11-26T03:00:00Z'), timeZone: 'Asia/Vladivostok' });
    for (const row of rows.filter((r) => r.approvedAt)) expect(row.approvedBy).not.toBe(row.createdBy);
  });
});
