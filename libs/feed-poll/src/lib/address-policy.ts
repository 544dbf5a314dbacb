import ipaddr from 'ipaddr.js';

/** Which internal addresses a source may reach: none (the default), all, or the listed ranges. */
export type InternalAllowance = boolean | readonly string[];

export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

/**
 * IPv4-compatible IPv6 (`::a.b.c.d`, deprecated by RFC 4291) is not a range
 * ipaddr.js names; some stacks still route it to the embedded IPv4 address.
 */
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

/**
 * Whether a feed may be fetched from `address` (an IP literal: what DNS
 * returned, or the URL's host). Only ordinary public unicast passes:
 * private (RFC 1918), loopback, link-local, unique-local (fc00::/7),
 * carrier-grade NAT (100.64/10), unspecified, multicast, broadcast, the
 * documentation and benchmarking ranges, and IPv6 forms that carry an IPv4
 * address (mapped, NAT64, 6to4, Teredo) are refused, unless the source is
 * allowed internal addresses (all, or those in its ranges). IPv4-mapped IPv6
 * is judged as the IPv4 address it carries.
 */
export function checkAddress(address: string, allowInternal: InternalAllowance = false): AddressVerdict {
  if (!ipaddr.isValid(address)) return { allowed: false, reason: `${address} is not an IP address` };
  // `process` turns ::ffff:a.b.c.d into a.b.c.d, so a mapped loopback is loopback.
  const ip = ipaddr.process(address);
  const named = ip.range();
  const range = named === 'unicast' && ip.kind() === 'ipv6' && ip.match(IPV4_COMPATIBLE) ? 'ipv4Compatible' : named;
  if (range === 'unicast') return { allowed: true };
  if (allowInternal === true) return { allowed: true };
  if (allowInternal !== false && allowInternal.some((cidr) => inRange(ip, cidr))) return { allowed: true };
  return { allowed: false, reason: `${ip.toString()} is a ${range} address and this source may not reach internal addresses` };
}

function inRange(ip: ipaddr.IPv4 | ipaddr.IPv6, cidr: string): boolean {
  try {
    const range = cidr.includes('/') ? ipaddr.parseCIDR(cidr) : ([ipaddr.parse(cidr), ipaddr.parse(cidr).kind() === 'ipv4' ? 32 : 128] as [ipaddr.IPv4 | ipaddr.IPv6, number]);
    const [net] = range;
    const candidate = net.kind() === 'ipv4' ? ip : ip.kind() === 'ipv4' ? (ip as ipaddr.IPv4).toIPv4MappedAddress() : ip;
    return candidate.kind() === net.kind() && candidate.match(range);
  } catch {
    return false;
  }
}

/** Whether a URL host (brackets already removed) is an IP literal, which no DNS lookup will see. */
export function isIpLiteral(host: string): boolean {
  return ipaddr.isValid(host);
}

/** `[::1]` -> `::1`: URL.hostname keeps the brackets of an IPv6 literal. */
export function hostOf(url: URL): string {
  return url.hostname.startsWith('[') && url.hostname.endsWith(']') ? url.hostname.slice(1, -1) : url.hostname;
}
