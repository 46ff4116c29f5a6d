import { isIP } from 'node:net';

/** What Fastify's `trustProxy` gets: nothing, a hop count, or the proxies' addresses (IP or CIDR). */
export type TrustProxy = false | number | string[];

/** Names proxy-addr (Fastify's parser) understands for the usual private ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY as written in the environment → what Fastify trusts, or a problem to report. `true` is
 * refused: it trusts whatever X-Forwarded-For a client writes, so the login rate limit would key on a value
 * the attacker chooses. A proxy is trusted by its address or by how many proxies stand in front.
 */
export function parseTrustProxy(value: string): { trust: TrustProxy } | { problem: string } {
  const text = value.trim();
  if (text === '' || text === 'false' || text === '0') return { trust: false };
  if (text === 'true') {
    return {
      problem:
        'TRUST_PROXY=true would trust the X-Forwarded-For any client writes. Write the address of your ' +
        'reverse proxy instead (TRUST_PROXY=127.0.0.1, or a range such as 10.0.0.0/8 or loopback, comma-separated), ' +
        'or the number of proxies in front of the app (TRUST_PROXY=1).',
    };
  }
  if (/^\d+$/.test(text)) return { trust: Number(text) };
  const entries = text.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !isAddressOrRange(e));
  if (bad.length) {
    return {
      problem:
        `TRUST_PROXY=${JSON.stringify(value)}: ${bad.map((b) => JSON.stringify(b)).join(', ')} is not an IP address, ` +
        'a CIDR range (10.0.0.0/8) or one of loopback, linklocal, uniquelocal. Write the reverse proxy’s address, ' +
        'or the number of proxies in front of the app (1), or false.',
    };
  }
  return { trust: entries };
}

/** Fastify's typings take a hop count only as a function (its runtime does the same with a number). */
export function fastifyTrustProxy(
  trust: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}
