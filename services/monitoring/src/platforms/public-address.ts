/**
 * Where the hub may fetch a photo from (docs/SECURITY.md, "Photos"): a post's photo address comes
 * from the platform and a material's image address from an editor, so either could name the hub's
 * own network (the database, the subgraphs, a cloud's metadata service). Only public unicast
 * addresses are connected to, checked on the address the name resolves to at connection time (a
 * name that resolves to a public address when checked and a private one when connected cannot
 * slip through), at every redirect; the platforms' own configured base URLs (the local stand-in
 * in the demo and the tests) are trusted as configured.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { Agent } from 'undici';

/** Loopback, private, link-local, shared, benchmarking, multicast, reserved and unspecified ranges (RFC 6890). */
const NOT_PUBLIC = new BlockList();
for (const [address, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  NOT_PUBLIC.addSubnet(address, prefix, 'ipv4');
for (const [address, prefix] of [
  // IPv4-mapped addresses (::ffff:a.b.c.d) are checked against the IPv4 ranges by BlockList itself.
  ['::', 127],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  NOT_PUBLIC.addSubnet(address, prefix, 'ipv6');

/** Whether an IP address (v4 or v6, no brackets) is a public unicast one. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Names that are never public (RFC 6761, RFC 6762, RFC 8375, and `.internal`, reserved for private
 * use): refused without asking the resolver.
 */
const LOCAL_NAMES = /(^|\.)(localhost|test|example|invalid|local|internal|home\.arpa)\.?$/iu;

/** Why an address may not be fetched; null when it may. */
export function refusedHost(url: URL, trustedOrigins: ReadonlySet<string>): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `not http(s): ${url.protocol}`;
  if (trustedOrigins.has(url.origin)) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !isPublicAddress(host)) return `not a public address: ${host}`;
  if (!isIP(host) && LOCAL_NAMES.test(host)) return `not a public address: ${host}`;
  return null;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** How a name is resolved: dns.lookup's signature with `all: true` (tests answer names themselves). */
export type Resolve = (
  hostname: string,
  options: LookupOptions & { all: true },
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** dns.lookup that answers only public addresses: a name resolving to any other is refused. */
const publicLookup =
  (resolve: Resolve) =>
  (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const refused = addresses.find((a) => !isPublicAddress(a.address));
      if (refused) {
        const error: NodeJS.ErrnoException = new Error(`${hostname} resolves to ${refused.address}, not a public address`);
        error.code = 'ENOTPUBLIC';
        return callback(error, []);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };

/** An undici dispatcher whose connections go to public addresses only (names resolved by publicLookup). */
export function publicOnlyAgent(resolve: Resolve = dnsLookup): Agent {
  return new Agent({ connect: { lookup: publicLookup(resolve) as never } });
}
