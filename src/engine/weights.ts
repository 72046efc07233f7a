// Arc weights: checked once when they enter the engine (compile or reweight), never in the search
// loops, and never defaulted. Reweighting writes in place by original arc index, so a scenario or a
// Monte Carlo sample changes costs without rebuilding the CSR.
import { InvalidArgumentError } from '../errors.js';
import { checkWeight, requireCsr, type Csr } from './csr.js';

/**
 * Set every arc's weight in place: arc i (original index) gets `weights[i]`. All weights are checked
 * before any is written, so a bad weight leaves `csr` unchanged.
 */
export function reweightCsr(csr: Csr, weights: ArrayLike<number>): void {
  requireCsr(csr);
  const n = csr.arcCount;
  if (weights === null || typeof weights !== 'object' || weights.length !== n) {
    throw new InvalidArgumentError('weights', weights, `an array of ${n} weights, one per arc`);
  }
  for (let i = 0; i < n; i++) checkWeight(i, weights[i]);
  const { slotOf } = csr;
  const w = csr.weights;
  for (let i = 0; i < n; i++) w[slotOf[i]!] = weights[i]!;
}

/** Set the weight of one arc (original index) in place. */
export function setArcWeight(csr: Csr, arc: number, weight: number): void {
  requireCsr(csr);
  if (!Number.isInteger(arc) || arc < 0 || arc >= csr.arcCount) {
    throw new InvalidArgumentError('arc', arc, `an arc index in 0…${csr.arcCount - 1}`);
  }
  checkWeight(arc, weight);
  csr.weights[csr.slotOf[arc]!] = weight;
}

/** Copy weights arc by arc from `source` into `target` (e.g. a reverse CSR after reweighting the forward one). */
export function copyWeights(target: Csr, source: Csr): void {
  requireCsr(target, 'target');
  requireCsr(source, 'source');
  if (target.arcCount !== source.arcCount) {
    throw new InvalidArgumentError('source', source, `a CSR of ${target.arcCount} arcs`);
  }
  const { arcOf } = target;
  const tw = target.weights;
  const sw = source.weights;
  const sSlot = source.slotOf;
  for (let s = 0; s < tw.length; s++) tw[s] = sw[sSlot[arcOf[s]!]!]!;
}

/** The weights of `csr` by original arc index. */
export function arcWeights(csr: Csr): Float64Array {
  requireCsr(csr);
  const out = new Float64Array(csr.arcCount);
  const { arcOf, weights } = csr;
  for (let s = 0; s < weights.length; s++) out[arcOf[s]!] = weights[s]!;
  return out;
}
