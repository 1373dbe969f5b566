/**
 * SSRF guard: scraped links must not reach loopback, private, link-local or other special addresses
 * (cloud metadata at 169.254.169.254, the Redis next door). The check runs inside the socket's DNS
 * lookup, so the address we connect to is the one we checked (no DNS-rebinding gap), and again on
 * literal-IP URLs, which skip the lookup.
 */
import dns from 'node:dns';
import net from 'node:net';
import { DisallowedError } from '../errors.ts';

/** IPv4 ranges that are not the public internet (RFC 6890 and friends). */
const BLOCKED_V4: ReadonlyArray<readonly [string, number]> = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16],
  ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
];
const BLOCKED_V6: ReadonlyArray<readonly [string, number]> = [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
  ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 23], ['2001:db8::', 32], ['2002::', 16],
];

const blockList = new net.BlockList();
for (const [addr, prefix] of BLOCKED_V4) blockList.addSubnet(addr, prefix, 'ipv4');
for (const [addr, prefix] of BLOCKED_V6) blockList.addSubnet(addr, prefix, 'ipv6');

const mappedV4Re = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/** True for an address that is not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const mapped = mappedV4Re.exec(address);
  if (mapped) return isPrivateAddress(mapped[1]!);
  const family = net.isIP(address);
  if (family === 4) return blockList.check(address, 'ipv4');
  if (family === 6) return blockList.check(address, 'ipv6');
  return true; // not an IP at all: refuse rather than guess
}

/** Throws DisallowedError when the URL's host is a literal private IP (literal IPs skip DNS lookup). */
export function assertPublicLiteralHost(url: string): void {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host) && isPrivateAddress(host)) {
    throw new DisallowedError(url, `address ${host} is private, loopback or link-local; set allow_private_network on the source to allow it`);
  }
}

/** Throws DisallowedError when any address the host resolves to is private. Resolves DNS first. */
export async function assertPublicHost(url: string): Promise<void> {
  assertPublicLiteralHost(url);
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host)) return;
  const addresses = await dns.promises.lookup(host, { all: true, verbatim: true });
  const bad = addresses.find((a) => isPrivateAddress(a.address));
  if (bad) {
    throw new DisallowedError(url, `${host} resolves to private address ${bad.address}; set allow_private_network on the source to allow it`);
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * A dns.lookup replacement for sockets: resolves, then fails the connection if any address is private.
 * Used as undici's `connect.lookup`, so redirects and every retry are checked at connect time.
 */
export function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '');
    const list = addresses as dns.LookupAddress[];
    const bad = list.find((a) => isPrivateAddress(a.address));
    if (bad) {
      const refused = Object.assign(new Error(`${hostname} resolves to private address ${bad.address}`), { code: 'EPRIVATEADDRESS' });
      return callback(refused, '');
    }
    if (options.all) return callback(null, list);
    const first = list[0];
    if (!first) return callback(Object.assign(new Error(`${hostname}: no addresses`), { code: 'ENOTFOUND' }), '');
    callback(null, first.address, first.family);
  });
}
