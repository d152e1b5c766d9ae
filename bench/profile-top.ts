// `npx tsx bench/profile-top.ts <file.cpuprofile> [top]`: where a V8 CPU profile's time went: self
// time by package (or the hub's workspace) so that graphql-js, MikroORM, pg and the hub's own code
// can be told apart, the top functions by self time, and by total time (with what they call), which
// finds the callers of a cost spread thin. Idle time is left out.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: tsx bench/profile-top.ts <file.cpuprofile> [top]');
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parents = new Map(profile.nodes.flatMap((n) => (n.children ?? []).map((child) => [child, n.id] as const)));

/** node_modules/<package> (scoped too), the hub's workspace (services/x, gateway), node's own, or V8's pseudo-frames. */
function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return dependency[1]!;
  if (url.startsWith('node:')) return 'node';
  const workspace = /\/(services\/[^/]+|gateway|infra|bench)\//.exec(url);
  return workspace ? `hub ${workspace[1]}` : url;
}

/** The function and its file; a line for dependencies only (the hub's TypeScript runs transpiled: its lines are not the source's). */
function nameOf({ functionName, url, lineNumber }: ProfileNode['callFrame']): string {
  const dependency = url.includes('node_modules/');
  const where = dependency
    ? `${url.replace(/^.*node_modules\//, '')}:${lineNumber + 1}`
    : url.replace(/^file:\/\/.*?\/(services|gateway|bench|infra)\//, '$1/');
  return `${functionName || '(anonymous)'} ${where}`.trim();
}

const add = (totals: Map<string, number>, key: string, ms: number) => totals.set(key, (totals.get(key) ?? 0) + ms);
const selfByPackage = new Map<string, number>();
const selfByFunction = new Map<string, number>();
const totalByFunction = new Map<string, number>();
let busyMs = 0;
profile.samples.forEach((id, i) => {
  const { callFrame } = nodes.get(id)!;
  if (callFrame.functionName === '(idle)') return;
  // A sample stands for the time until the next one.
  const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  busyMs += ms;
  add(selfByPackage, packageOf(callFrame.url, callFrame.functionName), ms);
  add(selfByFunction, nameOf(callFrame), ms);
  // Each function on the stack once, however deep it recurses.
  const onStack = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) onStack.add(nameOf(nodes.get(at)!.callFrame));
  onStack.delete('(root)');
  for (const name of onStack) add(totalByFunction, name, ms);
});

const print = (title: string, totals: Map<string, number>, count: number) => {
  console.log(`\n${title}`);
  for (const [name, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, count)) {
    console.log(`${((100 * ms) / busyMs).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(6)} ms  ${name}`);
  }
};
console.log(`${file}: ${busyMs.toFixed(0)} ms busy (idle left out)`);
print('self time by package', selfByPackage, 15);
print('self time by function', selfByFunction, top);
print('total time by function (itself and what it calls)', totalByFunction, top);
