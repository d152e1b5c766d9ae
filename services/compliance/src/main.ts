import { bootSubgraph } from '@hub/common';
import { complianceSubgraph } from './server.js';

await bootSubgraph('compliance', complianceSubgraph, process.env);
