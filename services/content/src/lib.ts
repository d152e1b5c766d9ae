export { contentSubgraph, createServer } from './server.js';
export { loadDemoMaterials, type DemoMaterialRow } from './data/demo.js';
