// Find a node by id, name or alias, ignoring case, accents and punctuation ("constanta" finds
// Constanța, "xian" finds Xi'an). A miss is a typed error with the closest names as suggestions.
import { InvalidArgumentError, UnknownNodeError } from '../errors.js';
import { requireNetwork, type Network } from './network.js';
import { requireString } from '../arguments.js';
import type { NodeSpec } from './types.js';

/** Fold a name for matching: decompose, drop diacritics and anything not a letter or digit, lower-case. */
export function foldName(text: string): string {
  requireString(text, 'text', 'a string to fold');
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/đ/g, 'd')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Edit distance (insertions, deletions, substitutions) between two strings; the CLI suggests flags with it. */
export function levenshtein(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

function keysOf(node: NodeSpec): string[] {
  return [node.id, node.name, ...(node.aliases ?? [])];
}

/**
 * The node `query` names: an exact id first, then an id, name or alias equal after `foldName`.
 * Throws `UnknownNodeError` (with up to five suggestions) when nothing matches, or when the folded
 * query matches several nodes (the suggestions then list them). `field` names the argument in errors.
 */
export function findNode(network: Network, query: string, field = 'node'): NodeSpec {
  requireNetwork(network);
  if (typeof query !== 'string' || query.trim() === '') {
    throw new InvalidArgumentError(field, query, 'a node id or name');
  }
  const exact = network.nodeById.get(query);
  if (exact !== undefined) return exact;
  const folded = foldName(query);
  const matches = network.nodes.filter((n) => keysOf(n).some((k) => foldName(k) === folded));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new UnknownNodeError(field, query, matches.map((n) => `${n.name} (${n.id})`));
  }
  const scored = network.nodes
    .map((n) => {
      let best = Infinity;
      for (const k of keysOf(n)) {
        const f = foldName(k);
        const d = f.startsWith(folded) || folded.startsWith(f) ? Math.abs(f.length - folded.length) / 2 : levenshtein(folded, f);
        best = Math.min(best, d);
      }
      return { n, best };
    })
    .filter((x) => x.best <= Math.max(2, Math.floor(folded.length / 2)))
    .sort((a, b) => a.best - b.best || a.n.name.localeCompare(b.n.name))
    .slice(0, 5)
    .map((x) => `${x.n.name} (${x.n.id})`);
  throw new UnknownNodeError(field, query, scored);
}
