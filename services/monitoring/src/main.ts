import { bootSubgraph } from '@hub/common';
import { monitoringSubgraph } from './server.js';

await bootSubgraph('monitoring', monitoringSubgraph, process.env);
