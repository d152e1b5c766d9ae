import { bootSubgraph } from '@hub/common';
import { contentSubgraph } from './server.js';

await bootSubgraph('content', contentSubgraph, process.env);
