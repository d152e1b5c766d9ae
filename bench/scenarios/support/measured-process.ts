// A service started as its own OS process from the TypeScript sources (as `npm start` and the
// bench run them; docker-compose.yml runs the same entry points compiled), with the CPU time the
// kernel has charged it: utime + stime of /proc/<pid>/stat, every thread included.
import { execFileSync, spawn } from 'node:child_process';
import { access, readFile, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export interface MeasuredProcess {
  name: string;
  pid: number;
  /** http://127.0.0.1:<port> */
  base: string;
  /** User and system CPU time so far, in ms (a clock tick's resolution: 10 ms at CLK_TCK 100). */
  cpuMs(): Promise<number>;
  /** Resident memory now and its high-water mark since start or the last resetPeakRss(), in MB. */
  rssMb(): Promise<{ now: number; peak: number }>;
  /** Starts the high-water mark of resident memory afresh from the current RSS. */
  resetPeakRss(): Promise<void>;
  /** Starts (first call) or stops and writes (second call) a CPU profile, when started with `profileTo`. */
  toggleProfile(): Promise<string | null>;
  stop(): Promise<void>;
}

const ROOT = new URL('../../../', import.meta.url);
const CLOCK_TICKS_PER_S = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
const PROFILER = new URL('./cpu-profile-on-signal.ts', import.meta.url).href;

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

export async function processCpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The name in parentheses may hold spaces: count the fields after it (state is field 3,
  // utime 14 and stime 15).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
}

/** VmRSS and VmHWM of /proc/<pid>/status, in MB. */
export async function processRssMb(pid: number): Promise<{ now: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const mb = (field: string) => Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN) / 102.4) / 10;
  return { now: mb('VmRSS'), peak: mb('VmHWM') };
}

export async function startMeasuredProcess(options: {
  name: string;
  /** The entry point, relative to the repository's root. */
  entry: string;
  port: number;
  env: Record<string, string>;
  /** A directory for CPU profiles of what happens between two toggleProfile() calls. */
  profileTo?: string;
}): Promise<MeasuredProcess> {
  const { name, port, profileTo } = options;
  const execArgv = ['--conditions=@hub/source', '--import', 'tsx', ...(profileTo ? ['--import', PROFILER] : [])];
  const child = spawn(process.execPath, [...execArgv, options.entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...options.env, ...(profileTo ? { CPU_PROFILE_DIR: profileTo, CPU_PROFILE_NAME: name } : {}) },
    // Its logs go where the bench's progress goes; stdout is the results'.
    stdio: ['ignore', 2, 2],
  });
  // Whatever ends the bench (a crash, process.exit) ends the child too: no orphans.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  let profiles = 0;
  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    if ((await Promise.race([exited.then(() => true), sleep(15_000, false)])) === false) child.kill('SIGKILL');
    await exited;
  };
  try {
    await waitForHealth(name, base, exited);
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    name,
    pid: child.pid!,
    base,
    cpuMs: () => processCpuMs(child.pid!),
    rssMb: () => processRssMb(child.pid!),
    // "5" resets the peak resident set size (proc(5), /proc/<pid>/clear_refs).
    resetPeakRss: () => writeFile(`/proc/${child.pid!}/clear_refs`, '5'),
    toggleProfile: async () => {
      if (!profileTo) return null;
      child.kill('SIGUSR2');
      if (++profiles % 2 === 1) return null;
      const file = `${profileTo}/${name}-${profiles / 2}.cpuprofile`;
      // Written under another name and renamed: there once it is whole.
      for (let i = 0; i < 300 && !(await exists(file)); i++) await sleep(100);
      if (await exists(file)) return file;
      throw new Error(`${name}: no CPU profile at ${file} after 30 s`);
    },
    stop,
  };
}

async function waitForHealth(name: string, base: string, exited: Promise<void>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`${name} exited before it answered /health`);
    const ok = await fetch(`${base}/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await sleep(200);
  }
  throw new Error(`${name} did not answer /health at ${base} within 120 s`);
}
