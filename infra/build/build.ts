// `npm run build`: every workspace's TypeScript compiled to JavaScript in its dist/, file for file
// (so `new URL('../schema.graphql', import.meta.url)` means the same from src/ and dist/), and the
// dashboard bundled into gateway/dist/dashboard. Production runs `node <workspace>/dist/main.js`
// with production dependencies only (docs/DESIGN.md, "Build and deployment").
// Types are checked by `npm run typecheck`, not here: esbuild strips them file by file, which the
// sources allow (`isolatedModules`, `verbatimModuleSyntax`).
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { writeDashboard } from '@hub/gateway/dashboard-bundle';

const root = path.resolve(import.meta.dirname, '../..');
const WORKSPACES = [
  'services/common',
  'services/content',
  'services/organizations',
  'services/compliance',
  'services/monitoring',
  'gateway',
  'infra',
];

async function compile(workspace: string): Promise<void> {
  const dir = path.join(root, workspace);
  await rm(path.join(dir, 'dist'), { recursive: true, force: true });
  await build({
    absWorkingDir: dir,
    entryPoints: ['src/**/*.ts'],
    outdir: 'dist',
    outbase: 'src',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
}

await Promise.all(WORKSPACES.map(compile));
await writeDashboard(pathToFileURL(path.join(root, 'gateway/dist/dashboard/')));
console.log(`built ${WORKSPACES.length} workspaces and the dashboard`);
