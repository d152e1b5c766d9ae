export { contentSubgraph, createServer } from './server.js';
