// Who is asking: the address the web server's connection comes from, or, behind a proxy named in TRUSTED_PROXIES, the
// address that proxy saw. Plain ESM so `node --test` checks it without a build.
import { BlockList, isIP } from 'node:net';

/** The request header the web server sets on every request (whatever the client sent under that name). */
export const CLIENT_HEADER = 'x-coach-client';
const FORWARDING = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port'];
const PATCHED = Symbol.for('cyclingcoach.web.client-address');

/**
 * TRUSTED_PROXIES: addresses or CIDR ranges, separated by commas or spaces (e.g. the TLS proxy in front).
 * @param {string | undefined} value
 */
export function trustedProxies(value = process.env.TRUSTED_PROXIES) {
  const list = new BlockList();
  for (const entry of (value ?? '').split(/[\s,]+/).filter(Boolean)) {
    const [address, bits] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (!isIP(address)) throw new Error(`TRUSTED_PROXIES: '${entry}' is not an address or CIDR range`);
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return list;
}

/** '::ffff:127.0.0.1' → '127.0.0.1'. @param {string | undefined} address */
const plain = (address) => (address?.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : (address ?? ''));

/** @param {BlockList} trusted @param {string} address */
const isTrusted = (trusted, address) => isIP(address) !== 0 && trusted.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');

/**
 * The client of one request: the connection's peer unless that is a trusted proxy; then the right-most address of
 * X-Forwarded-For that is not itself a trusted proxy (a client's own X-Forwarded-For stays to the left of what the
 * proxy appended). Forwarding headers from anyone else are dropped, so Next.js fills them in from the connection.
 * @param {{ socket?: { remoteAddress?: string }, headers: Record<string, string | string[] | undefined> }} request
 * @param {BlockList} trusted
 */
export function tagClient(request, trusted) {
  const peer = plain(request.socket?.remoteAddress);
  let client = peer || 'unknown';
  if (isTrusted(trusted, peer)) {
    const chain = String(request.headers['x-forwarded-for'] ?? '').split(',').map((s) => plain(s.trim())).filter((s) => isIP(s));
    while (chain.length > 0 && isTrusted(trusted, /** @type {string} */ (chain.at(-1)))) chain.pop();
    client = chain.at(-1) ?? client;
  } else {
    for (const name of FORWARDING) delete request.headers[name];
  }
  request.headers[CLIENT_HEADER] = client;
}

/**
 * Tags every request the process's HTTP servers receive (the standalone Next.js server creates its own, so this
 * hooks the one place every request passes: the server's 'request' event). Called once from instrumentation.ts.
 * @param {typeof import('node:http')} http
 */
export function installClientAddress(http, trusted = trustedProxies()) {
  const proto = /** @type {any} */ (http.Server.prototype);
  if (proto[PATCHED]) return;
  const emit = proto.emit;
  proto.emit = function (/** @type {string} */ event, /** @type {any[]} */ ...args) {
    if (event === 'request') tagClient(args[0], trusted);
    return emit.call(this, event, ...args);
  };
  proto[PATCHED] = true;
}
