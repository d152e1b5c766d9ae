import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { BUNDLE_FILES, versioned, type Bundle } from './dashboard-assets.js';

/** The dashboard's sources (gateway/dashboard), from gateway/src and gateway/dist alike. */
const SOURCE = fileURLToPath(new URL('../dashboard/', import.meta.url));

/**
 * Bundles gateway/dashboard in memory from node_modules: no CDN, no files written. esbuild is a
 * development dependency: only the build and a gateway running from its sources load this module.
 */
export async function bundleDashboard(): Promise<Bundle> {
  const result = await build({
    absWorkingDir: SOURCE,
    entryPoints: ['src/main.tsx'],
    tsconfig: 'tsconfig.json',
    outdir: 'out',
    entryNames: 'app',
    write: false,
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    sourcemap: false,
    charset: 'utf8',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    // @hub/common's sources, not its build: the dashboard is bundled before (or without) `dist/`.
    conditions: ['@hub/source'],
    logLevel: 'silent',
  });
  const output = (ext: string) => result.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? '';
  const js = output('.js');
  if (!js) throw new Error('esbuild produced no JavaScript');
  return versioned(js, output('.css'));
}

/** `npm run build`: the bundle written next to the compiled gateway, so production needs no bundler. */
export async function writeDashboard(directory: URL): Promise<void> {
  const bundle = await bundleDashboard();
  await mkdir(directory, { recursive: true });
  await writeFile(new URL(BUNDLE_FILES.js, directory), bundle.js);
  await writeFile(new URL(BUNDLE_FILES.css, directory), bundle.css);
}
