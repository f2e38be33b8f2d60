/**
 * Output file names made from page text or page names, kept to what file systems allow: ext4,
 * XFS, Btrfs, APFS and NTFS refuse a name over 255 bytes (ENAMETOOLONG), and one such name made
 * a whole build stop at its write. A name over the limit keeps the start of its stem (cut at a
 * character) and gets `~~` and 16 hex digits of its SHA-1: two long names stay two files, and
 * `~~` marks the cut (no name our encodings make contains it; a page's own may, and then the
 * callers' collision numbering still tells the two apart).
 */
import { sha1Hex } from './hash.js';

/** The longest name written, in UTF-8 bytes: 255 less room for a collision number (`~123`) a caller may add. */
export const MAX_NAME_BYTES = 240;

/** `stem + ext` as written: unchanged when it fits MAX_NAME_BYTES, else cut as said above. */
export function fitFileName(stem: string, ext: string): string {
  const whole = stem + ext;
  if (Buffer.byteLength(whole, 'utf8') <= MAX_NAME_BYTES) return whole;
  const mark = `~~${sha1Hex(whole).slice(0, 16)}`;
  let room = MAX_NAME_BYTES - Buffer.byteLength(mark + ext, 'utf8');
  let cut = '';
  for (const ch of stem) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (n > room) break;
    cut += ch;
    room -= n;
  }
  return cut + mark + ext;
}

/** A relative `/`-separated path with its last segment fitted (the directories are the input tree's, which the file system took). */
export function fitLastSegment(path: string, ext: string): string {
  if (!path.endsWith(ext)) return path;
  const slash = path.lastIndexOf('/');
  return path.slice(0, slash + 1) + fitFileName(path.slice(slash + 1, path.length - ext.length), ext);
}
