export { organizationsSubgraph } from './server.js';
export {
  loadDemoActivity,
  loadDemoOrganizations,
  loadDemoPeople,
  type DemoActivity,
  type DemoMediaRow,
  type DemoOrganizationRow,
  type DemoPlacementRow,
} from './data/demo.js';
export { completeLegalEntityInn, isValidInn } from './domain/inn.js';
export { MAX_PLACEMENTS_PER_CALL } from './commands/placement.commands.js';
export { checkPostUrl } from './domain/post-url.js';
export { normalizePageUrl } from './domain/page-url.js';
export { articleKey } from './domain/media-article.js';
