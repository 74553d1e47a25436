/** The first HTML form of a page, as a browser would submit it. */
export interface HtmlForm {
  action: string;
  method: 'GET' | 'POST';
  /** Inputs with a name: hidden, text, password, … with their current values. */
  inputs: { name: string; type: string; value: string }[];
  /** Submit buttons with a name. */
  buttons: { name: string; value: string; label: string }[];
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    out[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** Parse the first <form> of an HTML page; undefined when there is none. */
export function parseFirstForm(html: string): HtmlForm | undefined {
  const open = /<form\b([^>]*)>/i.exec(html);
  if (!open) return undefined;
  const end = html.indexOf('</form', open.index);
  const inner = html.slice(open.index + open[0].length, end === -1 ? undefined : end);
  const formAttrs = attributes(open[1]!);
  const inputs: HtmlForm['inputs'] = [];
  const buttons: HtmlForm['buttons'] = [];
  for (const m of inner.matchAll(/<input\b([^>]*)>/gi)) {
    const a = attributes(m[1]!);
    const type = (a['type'] ?? 'text').toLowerCase();
    if (!a['name']) continue;
    if (type === 'submit') buttons.push({ name: a['name'], value: a['value'] ?? '', label: a['value'] ?? '' });
    else inputs.push({ name: a['name'], type, value: a['value'] ?? '' });
  }
  for (const m of inner.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/gi)) {
    const a = attributes(m[1]!);
    if (a['name'] && (a['type'] ?? 'submit').toLowerCase() === 'submit') {
      buttons.push({ name: a['name'], value: a['value'] ?? '', label: m[2]!.replace(/<[^>]*>/g, '').trim() });
    }
  }
  return {
    action: formAttrs['action'] ?? '',
    method: (formAttrs['method'] ?? 'GET').toUpperCase() === 'POST' ? 'POST' : 'GET',
    inputs,
    buttons,
  };
}
