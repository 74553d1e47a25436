/** JSON pointers into a parsed document, and walking to a node through `$ref`s on the way. */
type Node = Record<string, unknown>;

export function isObject(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The tokens of a local reference ('#/components/schemas/a~1b' → ['components', 'schemas', 'a/b']). */
export function refTokens(ref: string): string[] {
  const pointer = decodedFragment(ref.slice(1));
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function decodedFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** The pointer text for a list of tokens ('' for the root). */
export function pointerOf(tokens: readonly (string | number)[]): string {
  return tokens.map((t) => `/${String(t).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The node at `tokens`, or undefined when there is none. */
export function nodeAt(root: unknown, tokens: readonly string[]): unknown {
  let node = root;
  for (const token of tokens) {
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, token)) return undefined;
    node = (node as Node)[token];
  }
  return node;
}

/** Follow a chain of local `$ref`s from `node` to what it finally points at. */
function followRefs(root: unknown, node: unknown): unknown {
  const seen = new Set<unknown>();
  while (isObject(node) && typeof node.$ref === 'string' && node.$ref.startsWith('#') && !seen.has(node)) {
    seen.add(node);
    node = nodeAt(root, refTokens(node.$ref));
  }
  return node;
}

/** The node at `tokens`, following `$ref`s of every node passed on the way (not of the last). */
export function nodeThroughRefs(root: unknown, tokens: readonly string[]): unknown {
  let node = root;
  for (const token of tokens) {
    node = followRefs(root, node);
    if (!isObject(node)) return undefined;
    node = node[token];
  }
  return node;
}
