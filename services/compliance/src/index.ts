export { complianceSubgraph, createServer } from './server.js';
