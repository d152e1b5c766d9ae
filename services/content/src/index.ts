export { contentSubgraph } from './server.js';
export { loadDemoMaterials, type DemoMaterialRow } from './data/demo.js';
export { bodyProblem, titleKey, titleProblem } from './domain/material-quality.js';
