import ipaddr from 'ipaddr.js';

/**
 * True only for a globally routable unicast address. Loopback, private, link-local (the cloud
 * metadata address 169.254.169.254 included), CGNAT, multicast, documentation, benchmarking and
 * every other special-purpose range are refused; an IPv4-mapped IPv6 address is judged as the IPv4
 * address it carries, and IPv6 outside 2000::/3 (IPv4-compatible ::a.b.c.d, NAT64, 6to4, Teredo
 * and the rest) is refused outright.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) parsed = v6.toIPv4Address();
    else if (!v6.match(globalUnicastV6)) return false;
  }
  return parsed.range() === 'unicast';
}

const globalUnicastV6 = ipaddr.parseCIDR('2000::/3') as [ipaddr.IPv6, number];
