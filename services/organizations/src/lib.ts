export { organizationsSubgraph, createServer } from './server.js';
export { loadDemoOrganizations, type DemoOrganizationRow } from './data/demo.js';
export { completeLegalEntityInn, isValidInn } from './domain/inn.js';
