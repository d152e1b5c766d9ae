// `npm run compose` writes infra/supergraph.graphql; `-- --check` fails when composition fails
// or the checked-in file is stale.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@hub/common';
import { composeSupergraph, CompositionError } from './supergraph.js';

const target = fileURLToPath(new URL('../../infra/supergraph.graphql', import.meta.url));
// The file names the default local URLs; deployments set *_URL and the gateway composes at start.
const { subgraphUrls } = loadConfig({});

try {
  const sdl = composeSupergraph(subgraphUrls);
  if (process.argv.includes('--check')) {
    if (!existsSync(target) || readFileSync(target, 'utf8') !== sdl) {
      console.error('infra/supergraph.graphql is out of date: run `npm run compose` and commit it');
      process.exit(1);
    }
    console.log('supergraph composes and infra/supergraph.graphql is up to date');
  } else {
    writeFileSync(target, sdl);
    console.log(`wrote ${target}`);
  }
} catch (err) {
  console.error(err instanceof CompositionError ? err.message : err);
  process.exit(1);
}
