export { organizationsSubgraph, createServer } from './server.js';
export {
  loadDemoActivity, loadDemoOrganizations,
  type DemoActivity, type DemoMediaRow, type DemoOrganizationRow, type DemoPlacementRow,
} from './data/demo.js';
export { completeLegalEntityInn, isValidInn } from './domain/inn.js';
