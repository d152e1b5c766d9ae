// Loaded (--import) into a measured process when profiles are asked for: SIGUSR2 starts V8's CPU
// profiler, the next SIGUSR2 stops it and writes $CPU_PROFILE_DIR/$CPU_PROFILE_NAME-<n>.cpuprofile.
// Unlike --cpu-prof, the profile holds the measured requests only, not the start.
import { rename, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';

const session = new Session();
session.connect();
let written = 0;
let running = false;

async function toggle(): Promise<void> {
  if (!running) {
    running = true;
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    return;
  }
  running = false;
  const { profile } = await session.post('Profiler.stop');
  const file = `${process.env.CPU_PROFILE_DIR}/${process.env.CPU_PROFILE_NAME}-${++written}.cpuprofile`;
  await writeFile(`${file}.partial`, JSON.stringify(profile));
  await rename(`${file}.partial`, file);
}

process.on('SIGUSR2', () => {
  toggle().catch((err: unknown) => console.error('cpu profile:', err));
});
