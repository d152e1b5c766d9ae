export { monitoringSubgraph } from './server.js';
export { createPlatforms, type Platforms } from './platforms/index.js';
