// Matching crawled posts to materials (services/monitoring/src/domain/match.ts) on the labelled
// corpus (infra/src/demo/matching-corpus.ts): precision and recall on its
// held-out and tuning parts, a post counted as matched to its best material at SUGGEST or above
// (AUTO-only in the details), and throughput in post × material pairs per second. The baseline is
// the plainest matcher: a post sentence of a shingle's length or more found verbatim in the
// normalised material. Uses neither the dataset nor the hub.
import { AUTO_THRESHOLD, SHINGLE_WORDS, SUGGEST_THRESHOLD, bestMatches, normalizeText, splitSentences } from '@hub/monitoring/matching';
import {
  matchQuality,
  matchingCorpus,
  type CorpusMaterial,
  type CorpusPost,
  type LabelledPost,
  type MatchQuality,
} from '@hub/infra/demo/matching-corpus';
import { compared, type BenchContext, type Scenario, type ScenarioResult } from '../lib/scenario.js';
import { median, round } from '../lib/stats.js';

const ROUNDS = 5;

export const matchingScenario: Scenario = {
  name: 'matching',
  scales: ['region'],
  async run(ctx) {
    const corpus = matchingCorpus();
    const { materials } = corpus;
    const posts = [...corpus.tuning, ...corpus.heldOut];
    const baseline = substringMatcher(materials);
    const best = (post: CorpusPost, min: number) => {
      const top = bestMatches(post, materials)[0];
      return top && top.score >= min ? top.material.id : null;
    };
    const measure = (part: readonly LabelledPost[]) => ({
      suggest: matchQuality(part, (post) => best(post, SUGGEST_THRESHOLD)),
      auto: matchQuality(part, (post) => best(post, AUTO_THRESHOLD)),
      baseline: matchQuality(part, baseline),
    });
    const heldOut = measure(corpus.heldOut);
    const tuning = measure(corpus.tuning);
    ctx.log(
      `matching: ${materials.length} materials; tuning ${tuning.suggest.posts} posts (${tuning.suggest.placements} placements), held-out ${heldOut.suggest.posts} (${heldOut.suggest.placements})`,
    );
    for (const [name, q] of [
      ['held-out', heldOut],
      ['tuning', tuning],
    ] as const) {
      ctx.log(
        `matching ${name}: ≥SUGGEST P ${fmt(q.suggest.precision)} R ${fmt(q.suggest.recall)}; AUTO only P ${fmt(q.auto.precision)} R ${fmt(q.auto.recall)}; substring baseline P ${fmt(q.baseline.precision)} R ${fmt(q.baseline.recall)}`,
      );
    }

    // Materials are fingerprinted once, when they arrive (warm-up); each round's posts are fresh
    // objects, so their fingerprints are part of the time, as a crawl's new posts would be.
    const ours = (batch: CorpusPost[]) => batch.forEach((post) => bestMatches(post, materials));
    const plain = (batch: CorpusPost[]) => batch.forEach((post) => baseline(post));
    ours(posts.map((p) => ({ ...p.post })));
    plain(posts.map((p) => ({ ...p.post })));
    const pairs = posts.length * materials.length;
    const rates = { ours: [] as number[], plain: [] as number[] };
    for (let i = 0; i < ROUNDS; i++) {
      for (const path of i % 2 === 0 ? (['ours', 'plain'] as const) : (['plain', 'ours'] as const)) {
        const batch = posts.map((p) => ({ ...p.post }));
        const started = performance.now();
        (path === 'ours' ? ours : plain)(batch);
        rates[path].push((pairs * 1000) / (performance.now() - started));
      }
    }
    return [
      ...qualityResults(ctx, 'held-out', heldOut),
      ...qualityResults(ctx, 'tuning', tuning),
      {
        scenario: 'matching:throughput',
        scale: ctx.scale,
        ...compared(median(rates.ours), median(rates.plain), 0),
        unit: 'pairs/s',
        details: {
          posts: posts.length,
          materials: materials.length,
          rounds: ROUNDS,
          oursPerS: rates.ours.map((v) => round(v, 0)),
          substringPerS: rates.plain.map((v) => round(v, 0)),
        },
      },
    ];
  },
};

function qualityResults(
  ctx: BenchContext,
  part: string,
  q: { suggest: MatchQuality; auto: MatchQuality; baseline: MatchQuality },
): ScenarioResult[] {
  return (['precision', 'recall'] as const).map((measure) => ({
    scenario: `matching:${part}-${measure}`,
    scale: ctx.scale,
    ...compared(q.suggest[measure], q.baseline[measure], 4),
    unit: measure,
    details: {
      autoOnly: round(q.auto[measure], 4),
      thresholds: { suggest: SUGGEST_THRESHOLD, auto: AUTO_THRESHOLD },
      posts: q.suggest.posts,
      placements: q.suggest.placements,
      suggest: counts(q.suggest),
      auto: counts(q.auto),
      substring: counts(q.baseline),
    },
  }));
}

const counts = (q: MatchQuality) => ({ tp: q.truePositives, fp: q.falsePositives, fn: q.falseNegatives });
const fmt = (n: number) => n.toFixed(3);

/** The post's material: the one holding the most of its sentences (of SHINGLE_WORDS words or more) verbatim once normalised. */
function substringMatcher(materials: readonly CorpusMaterial[]): (post: CorpusPost) => string | null {
  const texts = materials.map((m) => ({ id: m.id, text: ` ${normalizeText(`${m.title}\n${m.body}`)} ` }));
  return (post) => {
    const sentences = splitSentences(post.text).filter((s) => s.split(' ').length >= SHINGLE_WORDS);
    let best: { id: string; found: number } | null = null;
    for (const { id, text } of texts) {
      const found = sentences.filter((s) => text.includes(` ${s} `)).length;
      if (found > (best?.found ?? 0)) best = { id, found };
    }
    return best?.id ?? null;
  };
}
