import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export interface Bundle {
  js: string;
  css: string;
  /** Changes with the bundle: the page asks for ?v=<version>, so the assets may be cached for good. */
  version: string;
}

/** The bundle's file names in the directory `npm run build` writes (gateway/dist/dashboard). */
export const BUNDLE_FILES = { js: 'app.js', css: 'app.css' } as const;

export const versioned = (js: string, css: string): Bundle => ({
  js,
  css,
  version: createHash('sha256').update(js).update(css).digest('hex').slice(0, 16),
});

/** The bundle `npm run build` wrote, or null when running from the sources. */
export async function readBuiltDashboard(directory: URL): Promise<Bundle | null> {
  try {
    const [js, css] = await Promise.all([
      readFile(new URL(BUNDLE_FILES.js, directory), 'utf8'),
      readFile(new URL(BUNDLE_FILES.css, directory), 'utf8'),
    ]);
    return versioned(js, css);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
