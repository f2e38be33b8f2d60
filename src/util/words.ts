import { editDistance } from './suggest.js';
import { compareStr } from './order.js';

/**
 * Runs of two to `max` consecutive words, each joined into one word: how a heading or a table's resource cell spells a
 * camel-cased path segment in words ("Azure resources" → azureresources for azureResources, "Cloud PC" → cloudpc,
 * "Device management (Intune)" → devicemanagement). The caller normalizes the words and compares the runs with the path.
 */
export function joinedRuns(words: readonly string[], max = 3): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) for (let n = 2; n <= max && i + n <= words.length; n++) out.push(words.slice(i, i + n).join(''));
  return out;
}

/**
 * How far apart two lower-case names are as a misspelling of one another: 0 for a singular and its plural (-s, -y/-ies),
 * else their edit distance when it is at most 1 (below 8 letters) or 2; undefined when they are not one.
 */
export function misspellingDistance(a: string, b: string): number | undefined {
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (l === `${s}s` || (s.endsWith('y') && l === `${s.slice(0, -1)}ies`)) return 0;
  const d = editDistance(a, b);
  return d <= (s.length < 8 ? 1 : 2) ? d : undefined;
}

/**
 * Is `a` the camel-cased name `b` without one of its words — the last (`short`: `pageLayout`, `pageLayoutType`) or one
 * inside (`joinUrl`, `joinWebUrl`) — or with one more (`over`)?
 * The shorter keeps a word of its own (not `id` for `idType`), and the word is a word (`Type`, `Id`, `Url`), not a letter.
 * With `leading`, the word may come first (`viewpoint`, `chatViewpoint`); with `plural`, either name may end in a plural -s
 * the other lacks (`publishingType`, `supportedPublishingTypes`: `plural` is then set).
 */
export function camelWordApart(a: string, b: string, opts: { leading?: boolean; plural?: boolean } = {}): { how: 'short' | 'over'; plural: boolean } | undefined {
  const forms = (x: string) => (opts.plural && x.length > 4 && x.endsWith('s') ? [x, x.slice(0, -1)] : [x]);
  for (const fa of forms(a)) for (const fb of forms(b)) {
    const [s, l] = fa.length < fb.length ? [fa, fb] : [fb, fa];
    if (s.length < 4) continue;
    // The word at the end, or inside at a camel-case boundary (`joinUrl`, `joinWebUrl`: label b1089).
    const trailing = l.startsWith(s) && /^[A-Z][a-z0-9]+$/.test(l.slice(s.length));
    const inner = !trailing && insertedWord(s, l);
    const lead = l.length - s.length;
    const leading = !!opts.leading && lead > 1 && /^[a-z][a-z0-9]+$/.test(l.slice(0, lead)) && l[lead] === s[0]!.toUpperCase() && l.slice(lead + 1) === s.slice(1);
    if (trailing || inner || leading) return { how: s === fa ? 'short' : 'over', plural: fa !== a || fb !== b };
  }
  return undefined;
}

/** Is `l` the camel-cased `s` with one capitalized word inserted at one of its word boundaries (`joinUrl` → `joinWebUrl`)? */
function insertedWord(s: string, l: string): boolean {
  const w = l.length - s.length;
  for (let i = 1; i < s.length; i++) {
    if (s[i] !== s[i]!.toUpperCase() || s[i] === s[i]!.toLowerCase()) continue; // a boundary: an upper-case letter
    if (l.startsWith(s.slice(0, i)) && l.slice(i + w) === s.slice(i) && /^[A-Z][a-z0-9]+$/.test(l.slice(i, i + w))) return true;
  }
  return false;
}

/**
 * How a name misses another: a misspelling (`d` its distance, 0 for singular and plural), or one camel-cased word apart
 * (`d` 3: `short`, `a` lacks `b`'s word; `over`, it has one more; see camelWordApart for `opts`); undefined when neither.
 */
export function nameMiss(a: string, b: string, opts: { leading?: boolean; plural?: boolean } = {}): { d: number; how: 'misspelled' | 'short' | 'over'; plural?: boolean } | undefined {
  const d = misspellingDistance(a.toLowerCase(), b.toLowerCase());
  if (d !== undefined) return { d, how: 'misspelled' };
  const w = camelWordApart(a, b, opts);
  return w && { d: 3, how: w.how, ...(w.plural ? { plural: true } : {}) };
}

/**
 * Candidate pairs of names (`a` of one list, `b` of the other), closest first — by `d`, then by the two names — with each
 * name (any letter case) in one pair at most: what a row misnamed stands for (metadata rows and members, a table's rows
 * and its JSON's keys).
 */
export function pairClosest<C extends { d: number; a: string; b: string }>(cands: C[]): C[] {
  const out: C[] = [];
  const takenA = new Set<string>(), takenB = new Set<string>();
  for (const c of [...cands].sort((x, y) => x.d - y.d || compareStr(x.a, y.a) || compareStr(x.b, y.b))) {
    if (takenA.has(c.a.toLowerCase()) || takenB.has(c.b.toLowerCase())) continue;
    takenA.add(c.a.toLowerCase());
    takenB.add(c.b.toLowerCase());
    out.push(c);
  }
  return out;
}

/** The sentence (or list item, or line) of a text that holds the index: from after the last '.' or line end before it to the next. */
export function sentenceAt(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('.', at), text.lastIndexOf('\n', at)) + 1;
  const ends = [text.indexOf('.', at), text.indexOf('\n', at)].filter((i) => i >= 0);
  return text.slice(start, ends.length ? Math.min(...ends) : text.length);
}

/** `a` ends with `b` from a capital letter on ("userScopeTeamsAppInstallation", "teamsAppInstallation"). */
export function endsWithName(a: string, b: string): boolean {
  if (a.length <= b.length) return false;
  const i = a.length - b.length;
  return /[A-Z]/.test(a[i]!) && a.slice(i).toLowerCase() === b.toLowerCase();
}
