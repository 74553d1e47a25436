import { gzipSync } from 'node:zlib';

/** A file to put in an archive. */
export interface TarEntry {
  /** Path inside the archive, '/'-separated; a name ending in '/' is a folder. */
  name: string;
  content?: Buffer;
  /** Modification time (default: now). */
  mtime?: Date;
}

const BLOCK = 512;

function octal(value: number, width: number): string {
  // width - 1 octal digits, then NUL (the ustar numeric field format)
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function splitName(name: string): { name: string; prefix: string } {
  if (Buffer.byteLength(name) <= 100) return { name, prefix: '' };
  const cut = name.lastIndexOf('/', name.length - 2);
  const prefix = name.slice(0, cut);
  const rest = name.slice(cut + 1);
  if (cut <= 0 || Buffer.byteLength(prefix) > 155 || Buffer.byteLength(rest) > 100) throw new Error(`archive path too long for ustar: ${name}`);
  return { name: rest, prefix };
}

function header(entry: TarEntry, size: number): Buffer {
  const block = Buffer.alloc(BLOCK, 0);
  const folder = entry.name.endsWith('/');
  const { name, prefix } = splitName(entry.name);
  const mtime = Math.floor((entry.mtime ?? new Date()).getTime() / 1000);
  block.write(name, 0, 100, 'utf8');
  block.write(octal(folder ? 0o755 : 0o644, 8), 100, 8, 'ascii');
  block.write(octal(0, 8), 108, 8, 'ascii'); // uid
  block.write(octal(0, 8), 116, 8, 'ascii'); // gid
  block.write(octal(size, 12), 124, 12, 'ascii');
  block.write(octal(mtime, 12), 136, 12, 'ascii');
  block.write('        ', 148, 8, 'ascii'); // checksum counts as spaces while it is computed
  block.write(folder ? '5' : '0', 156, 1, 'ascii');
  block.write('ustar\0', 257, 6, 'ascii');
  block.write('00', 263, 2, 'ascii');
  block.write('root', 265, 32, 'ascii');
  block.write('root', 297, 32, 'ascii');
  block.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return block;
}

/** A POSIX ustar archive of the entries (uncompressed). */
export function tar(entries: readonly TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const content = entry.name.endsWith('/') ? Buffer.alloc(0) : (entry.content ?? Buffer.alloc(0));
    parts.push(header(entry, content.length), content);
    const pad = (BLOCK - (content.length % BLOCK)) % BLOCK;
    if (pad) parts.push(Buffer.alloc(pad, 0));
  }
  parts.push(Buffer.alloc(BLOCK * 2, 0)); // end of archive
  return Buffer.concat(parts);
}

/** A .tar.gz of the entries. */
export const tarGz = (entries: readonly TarEntry[]): Buffer => gzipSync(tar(entries));
