// Where the sign-in form may send the rider afterwards. Plain ESM so `node --test` checks it without a build.

const BASE = 'http://return-path.invalid';

/**
 * A same-site path to return to after sign-in, or '/'. The value is parsed the way a browser resolves a Location
 * header (the WHATWG URL parser drops tabs and newlines and reads '\' as '/'), so '/\t/evil.example' (which a
 * browser turns into '//evil.example') or '/\\evil.example' can never leave the site; what comes back is the parsed,
 * serialised path, query and fragment.
 * @param {unknown} value
 * @returns {string}
 */
export function safeReturnPath(value) {
  if (typeof value !== 'string' || !value.startsWith('/')) {
    return '/';
  }
  let url;
  try {
    url = new URL(value, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE) {
    return '/';
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('//') ? '/' : path;
}
