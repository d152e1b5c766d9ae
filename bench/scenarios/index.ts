import type { Scenario } from '../lib/scenario.js';
import { weeklyCheck } from './weekly-check.js';
import { scaling } from './scaling.js';
import { dashboard } from './dashboard.js';
import { reportPlacementsScenario } from './report-placements.js';
import { mailDispatchScenario } from './mail-dispatch.js';
import { gatewayOverheadScenario } from './gateway-overhead.js';
import { catchUp } from './catch-up.js';
import { matchingScenario } from './matching.js';
import { crawlScenario } from './crawl.js';
import { subgraphCpu } from './subgraph-cpu.js';
import { exportsScenario } from './exports.js';

/** Every scenario `npm run bench` knows, in the order they run. */
export const scenarios: Scenario[] = [
  weeklyCheck,
  catchUp,
  scaling,
  dashboard,
  reportPlacementsScenario,
  mailDispatchScenario,
  gatewayOverheadScenario,
  matchingScenario,
  crawlScenario,
  subgraphCpu,
  exportsScenario,
];
