/**
 * The links between the pages of the checked tree, resolved once per run: which lead to a page the tree does not
 * have, and whether so many do that the tree is only a part of a docs tree (a sample, a pull request's pages checked
 * without `--root`). Rules that report what the tree lacks (a link's target, a resource's or a type's page, a beta
 * counterpart, an include) say nothing on a partial tree — each of those claims would be about the pages left out —
 * and `tree-partial` says once that they were not run.
 */
import { basename, dirname, resolve } from 'node:path';
import type { Document } from '../model/schema.js';
import type { TreeInfo } from './types.js';

export interface PageLink { page: Document; link: Document['links'][number]; target: string }

export interface TreeLinks {
  /** Links whose target lies inside the input roots and could be looked up. */
  checked: number;
  /** Of those, the ones whose target is no file of the tree (any letter case). */
  missing: PageLink[];
  /** Pages whose source kept no link targets (copies of rendered pages: Document.linksLost). */
  linksLost: number;
  /**
   * Relative links to a page (`../resources/user.md`) that exists on disk outside the input roots: the pages of a folder
   * checked on its own (`check tree/v1.0/api`, no `--root`) link to its siblings this way; a whole docs tree has none
   * (2021-07, 2020-05, the modern sample: its relative page links stay inside it). A link out to nothing (the seeds'
   * `../resources/…`: no tree around them) says nothing.
   */
  outside: PageLink[];
}

export type LinkTarget = { ok: true; target: string } | { ok: false; target: string; why: 'escape' | 'name' };

/**
 * A page link's target as a path (decoded, `#…` dropped), or why it cannot be one: a malformed percent-escape, or a
 * file name a template left unfilled (`-user.md`, `.md`, `_x.md`, white space). A function of the link alone.
 */
export function linkTarget(raw: string): LinkTarget {
  let target: string;
  // A browser reads `\` as `/` in an http(s) URL: `..\resources\x.md` is `../resources/x.md`.
  try { target = decodeURIComponent(raw.replace(/#[\s\S]*$/, '')).replace(/\\/g, '/'); } catch { return { ok: false, target: raw, why: 'escape' }; }
  const name = basename(target);
  if (/^[-_.]/.test(name) || /^\.md$/i.test(name) || /\s/.test(target)) return { ok: false, target, why: 'name' };
  return { ok: true, target };
}

/** A tree is partial when at least this many of its page links, and this share of them, lead to pages it does not have. */
export const PARTIAL_MIN_MISSING = 20;
export const PARTIAL_MIN_SHARE = 0.25;

const memo = new WeakMap<Document[], TreeLinks>();

/** Every page link of the run, resolved (memoised per page list: the rules of one run share it). */
export function treeLinks(input: { pages: Document[]; tree: TreeInfo }): TreeLinks {
  let r = memo.get(input.pages);
  if (r) return r;
  r = { checked: 0, missing: [], linksLost: 0, outside: [] };
  for (const page of input.pages) {
    if (page.linksLost) r.linksLost++;
    const abs = input.tree.absOf(page.file);
    for (const link of page.links) {
      const t = linkTarget(link.target);
      // A target that cannot be a page is link-malformed's, whatever the tree holds.
      if (!t.ok || !abs) continue;
      const target = t.target;
      const exists = input.tree.exists(resolve(dirname(abs), target));
      if (exists === undefined) {
        // A page of the tree on disk that the inputs leave out (a folder checked on its own: its `../resources/…`).
        if (/^\.\.?\//.test(target) && /\.md$/i.test(target) && input.tree.outside?.(resolve(dirname(abs), target))) r.outside.push({ page, link, target });
        continue;
      }
      r.checked++;
      if (!exists) r.missing.push({ page, link, target });
    }
  }
  memo.set(input.pages, r);
  return r;
}

/** Most of the tree's pages are copies of rendered pages, which keep no link targets: its links cannot say whether it is whole. */
export function mostlyCopies(l: TreeLinks, pages: number): boolean {
  return l.linksLost * 2 > pages;
}

/** The tree's links when it is partial (see PARTIAL_MIN_MISSING, PARTIAL_MIN_SHARE, and TreeInfo.completeness), else undefined. */
export function partialTree(input: { pages: Document[]; tree: TreeInfo }): TreeLinks | undefined {
  if (input.tree.completeness === 'whole') return undefined;
  const l = treeLinks(input);
  if (input.tree.completeness === 'partial') return l;
  // Most pages are copies of rendered pages, which keep no link targets: the links cannot tell whether the tree is
  // whole, and a set of copies is most likely a few pages of one (600 sampled copies of the 2021 tree: 819 findings of
  // type-undefined, operation-resource-missing and operation-missing-in-beta about the pages left out).
  if (mostlyCopies(l, input.pages.length)) return l;
  // A link out of the input roots to a page counts as one to a page the tree lacks (a folder checked on its own).
  const lacking = l.missing.length + l.outside.length;
  return lacking >= PARTIAL_MIN_MISSING && lacking >= (l.checked + l.outside.length) * PARTIAL_MIN_SHARE ? l : undefined;
}

/** The id of the rule that says a tree is partial (the watch's first look reads the last run's reading from it). */
export const TREE_PARTIAL = 'tree-partial';
