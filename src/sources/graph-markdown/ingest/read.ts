/**
 * Reading one source file into normalized text: strict UTF-8 decoding (invalid bytes are a
 * diagnostic, decoded with U+FFFD), BOM removal, CRLF/CR → LF, binary detection.
 */
import { readFileSync, statSync } from 'node:fs';

export interface SourceText {
  text: string;
  /** Problems met while reading; the caller turns them into diagnostics at line 1. */
  problems: { rule: string; message: string; fatal: boolean }[];
}

/** Pages larger than this are not parsed (a diagnostic says so). */
export const MAX_PAGE_BYTES = 8 * 1024 * 1024;

const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder('utf-8', { fatal: false });

export function decodeSource(bytes: Uint8Array): SourceText {
  const problems: SourceText['problems'] = [];
  if (bytes.length === 0) return { text: '', problems: [{ rule: 'file-empty', message: 'The file is empty', fatal: false }] };
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  let nul = 0;
  for (const b of sample) if (b === 0) nul++;
  if (nul > 0) {
    return { text: '', problems: [{ rule: 'file-binary', message: `The file looks binary (${nul} NUL bytes in the first ${sample.length}); not parsed`, fatal: true }] };
  }
  let text: string;
  try {
    text = strictDecoder.decode(bytes);
  } catch {
    text = lenientDecoder.decode(bytes);
    let bad = 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
    problems.push({ rule: 'file-invalid-utf8', message: `The file is not valid UTF-8 (${bad} invalid sequence(s) replaced with U+FFFD)`, fatal: false });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return { text, problems };
}

export function readSource(path: string): SourceText {
  let size: number;
  try {
    const st = statSync(path);
    // Only regular files: reading a FIFO blocks forever, a device never ends.
    if (!st.isFile()) return { text: '', problems: [{ rule: 'file-not-regular', message: `Not a regular file (${st.isFIFO() ? 'a FIFO' : st.isDirectory() ? 'a directory' : st.isSocket() ? 'a socket' : 'a device'}); not read`, fatal: true }] };
    size = st.size;
  } catch (e) {
    return { text: '', problems: [{ rule: 'file-unreadable', message: `Cannot read file: ${errorText(e)}`, fatal: true }] };
  }
  if (size > MAX_PAGE_BYTES) {
    return { text: '', problems: [{ rule: 'file-too-large', message: `The file is ${size} bytes, over the ${MAX_PAGE_BYTES}-byte page limit; not parsed`, fatal: true }] };
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
    if (bytes.length > MAX_PAGE_BYTES) return { text: '', problems: [{ rule: 'file-too-large', message: `The file is over the ${MAX_PAGE_BYTES}-byte page limit; not parsed`, fatal: true }] };
  } catch (e) {
    return { text: '', problems: [{ rule: 'file-unreadable', message: `Cannot read file: ${errorText(e)}`, fatal: true }] };
  }
  return decodeSource(bytes);
}

/**
 * An error as a diagnostic says it: a system error as its code, what it says and the call that
 * failed ("EACCES: permission denied (open)"), without the absolute path Node's text ends with —
 * the diagnostic's position names the file relative to the docs root, and no output holds a
 * machine's path.
 */
export function errorText(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string') {
    const err = e as NodeJS.ErrnoException;
    let said = (err.message ?? '').replace(/^[A-Z_]+: /, '');
    const call = typeof err.syscall === 'string' ? said.indexOf(`, ${err.syscall}`) : -1;
    if (call >= 0) said = said.slice(0, call);
    for (const p of [err.path, (err as { dest?: unknown }).dest]) if (typeof p === 'string' && p) said = said.split(p).join('…');
    return `${err.code}${said ? `: ${said}` : ''}${typeof err.syscall === 'string' ? ` (${err.syscall})` : ''}`;
  }
  return e instanceof Error ? e.message : String(e);
}
