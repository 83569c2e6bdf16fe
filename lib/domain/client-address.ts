// Which network address a request came from, for sign-in throttling.
//
// Route handlers in Next.js cannot see the socket. Next.js fills `X-Forwarded-For` with the socket address
// only when the request has none (`??=`), so a client could pick its own. The server of `npm start`
// (scripts/serve.ts) therefore decides once, per request, with `resolveClientAddress` below, and sets
// `X-Forwarded-For` to that single address before Next.js sees the request: the socket address, or with
// TRUST_PROXY the entry the nearest trusted proxy appended. The app reads it back with
// `forwardedClientAddress`.

/** TRUST_PROXY: unset/"false" -> 0 (use the socket), "true" -> 1 proxy, "2".."10" -> that many; else null. */
export function parseTrustProxy(value: string | undefined): number | null {
  const text = (value ?? "").trim().toLowerCase();
  if (text === "" || text === "false" || text === "0") return 0;
  if (text === "true") return 1;
  return /^[1-9]$|^10$/.test(text) ? Number(text) : null;
}

function forwardedEntries(forwardedFor: string | string[] | undefined): string[] {
  const joined = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  return joined
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/**
 * The client's address as the server of `npm start` sees it. With no trusted proxy, the socket's
 * address, whatever the request claims. Behind `trustedProxies` proxies that each append the address
 * they saw, the entry that many places from the right (entries further left were written by the client
 * and prove nothing); the socket when the header is missing or shorter (a request that bypassed them).
 */
export function resolveClientAddress(input: {
  forwardedFor: string | string[] | undefined;
  socketAddress: string | undefined;
  trustedProxies: number;
}): string {
  const socket = input.socketAddress ?? "";
  if (input.trustedProxies <= 0) return socket;
  const entries = forwardedEntries(input.forwardedFor);
  return entries[entries.length - input.trustedProxies] ?? socket;
}

/** The address the app was given (the last `X-Forwarded-For` entry), as a throttling bucket. */
export function forwardedClientAddress(forwardedFor: string | string[] | undefined): string {
  return addressBucket(forwardedEntries(forwardedFor).at(-1) ?? "");
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEXTET = /^[0-9a-f]{1,4}$/;

/** The eight hextets of an IPv6 address (lower case, zone and brackets removed), or null. */
function ipv6Hextets(text: string): string[] | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string) => (part === "" ? [] : part.split(":"));
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  // An embedded IPv4 address (`::ffff:192.0.2.1`) counts as two hextets.
  const last = (halves.length === 2 ? tail : head).at(-1);
  if (last && IPV4.test(last)) {
    const [a, b, c, d] = last.split(".").map(Number) as [number, number, number, number];
    const list = halves.length === 2 ? tail : head;
    list.splice(-1, 1, ((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
  }
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  return all.every((h) => HEXTET.test(h)) ? all.map((h) => h.replace(/^0+(?=.)/, "")) : null;
}

/**
 * A throttling bucket for an address: IPv4 as it is, IPv4-mapped IPv6 as IPv4, other IPv6 by its /64
 * (one subscriber usually holds a whole /64, so counting single IPv6 addresses would be no limit at
 * all), anything unparseable as "unknown" (one shared bucket, so junk cannot mint fresh counters).
 */
export function addressBucket(address: string): string {
  let text = address.trim().toLowerCase();
  if (text.startsWith("[") && text.includes("]")) text = text.slice(1, text.indexOf("]"));
  text = text.replace(/%.*$/, "");
  if (IPV4.test(text)) return text;
  const hextets = ipv6Hextets(text);
  if (!hextets) return "unknown";
  if (hextets.slice(0, 5).every((h) => h === "0") && hextets[5] === "ffff") {
    const [hi, lo] = [Number.parseInt(hextets[6]!, 16), Number.parseInt(hextets[7]!, 16)];
    return [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
  }
  if (hextets.slice(0, 7).every((h) => h === "0")) return `::${hextets[7]}`; // :: and ::1, as they are
  return `${hextets.slice(0, 4).join(":")}::/64`;
}
