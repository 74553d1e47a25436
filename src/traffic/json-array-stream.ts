/**
 * Cut the elements of one JSON array out of a text stream without holding the whole text:
 * the array is found by its key path (e.g. ["log", "entries"]), and each element is handed over
 * as its own JSON text, with its index. Memory stays bounded by the largest single element.
 */
export class JsonArrayError extends Error {
  constructor(
    message: string,
    /** Index of the element being read when the problem was found, if inside the array. */
    readonly index?: number,
  ) {
    super(message);
    this.name = 'JsonArrayError';
  }
}

type Mode = 'seek' | 'between' | 'element' | 'done';

export class JsonArraySplitter {
  #mode: Mode = 'seek';
  #seekBuffer = '';
  #element: string[] = [];
  #depth = 0;
  #inString = false;
  #escaped = false;
  #index = 0;
  readonly #pattern: RegExp;

  constructor(keyPath: readonly string[]) {
    // "log" ... { ... "entries" : [   — a loose but sufficient locator for HAR's top-level shape
    this.#pattern = new RegExp(keyPath.map((k) => `"${k}"\\s*:\\s*`).join('[\\s\\S]*?') + '\\[');
  }

  get index(): number {
    return this.#index;
  }

  /** Feed the next chunk of text; returns the complete elements found in it. */
  push(chunk: string): { index: number; text: string }[] {
    const out: { index: number; text: string }[] = [];
    let text = chunk;
    if (this.#mode === 'seek') {
      this.#seekBuffer += text;
      const m = this.#pattern.exec(this.#seekBuffer);
      if (!m) {
        if (this.#seekBuffer.length > 1 << 20) this.#seekBuffer = this.#seekBuffer.slice(-4096);
        return out;
      }
      text = this.#seekBuffer.slice(m.index + m[0].length);
      this.#seekBuffer = '';
      this.#mode = 'between';
    }
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (this.#mode === 'between') {
        if (c === ']') {
          this.#mode = 'done';
          return out;
        }
        if (c === ',' || c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
        if (c !== '{') throw new JsonArrayError(`expected an object, found '${c}'`, this.#index);
        this.#mode = 'element';
        this.#depth = 0;
        start = i;
      }
      if (this.#mode !== 'element') continue;
      if (this.#inString) {
        if (this.#escaped) this.#escaped = false;
        else if (c === '\\') this.#escaped = true;
        else if (c === '"') this.#inString = false;
        continue;
      }
      if (c === '"') this.#inString = true;
      else if (c === '{' || c === '[') this.#depth++;
      else if (c === '}' || c === ']') {
        this.#depth--;
        if (this.#depth === 0) {
          this.#element.push(text.slice(start, i + 1));
          out.push({ index: this.#index++, text: this.#element.join('') });
          this.#element = [];
          this.#mode = 'between';
        }
      }
    }
    if (this.#mode === 'element') this.#element.push(text.slice(start));
    return out;
  }

  /** The stream ended: anything unfinished is an error naming where. */
  end(): void {
    if (this.#mode === 'seek') throw new JsonArrayError('no log.entries array found: is this a HAR file?');
    if (this.#mode === 'element') throw new JsonArrayError('the file ends inside an entry (truncated?)', this.#index);
    if (this.#mode === 'between') throw new JsonArrayError('the file ends before the entries array is closed (truncated?)', this.#index);
  }
}
