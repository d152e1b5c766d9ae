import { bootSubgraph } from '@hub/common';
import { organizationsSubgraph } from './server.js';

await bootSubgraph('organizations', organizationsSubgraph, process.env);
