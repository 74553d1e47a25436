/**
 * Following a hyperlink the bank gave (DOMAIN §4.2: follow hrefs as given, relative to the server
 * base). An absolute URL is taken as it is; a path is below the target's base URL, unless it
 * already starts with the base's path (https://bank/psd2 + /psd2/v1/… is not /psd2/psd2/v1/…).
 */
export function resolveHref(baseUrl: string, href: string): URL {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return new URL(href);
  const base = baseUrl.replace(/\/+$/, '');
  const basePath = new URL(base).pathname.replace(/\/+$/, '');
  if (href.startsWith('/')) return new URL(basePath && href.startsWith(`${basePath}/`) ? `${new URL(base).origin}${href}` : `${base}${href}`);
  return new URL(href, `${base}/`);
}
