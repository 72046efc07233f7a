// Built-in profiles: what travels. A network may declare more (or override these) in `profiles`.
import type { BuiltInProfileId, ProfileSpec } from './types.js';

// Typed narrowly so that the ids can be checked against BuiltInProfileId below.
const PROFILES = Object.freeze([
  Object.freeze({ id: 'container-rail', name: "40' container by block train", modes: Object.freeze(['rail', 'sea', 'ferry'] as const), grossWeightTonnes: 30.48, teu: 2, cargoTonnes: 20 }),
  Object.freeze({ id: 'wagon', name: 'Rail wagon (rail ferries across seas)', modes: Object.freeze(['rail', 'ferry'] as const), grossWeightTonnes: 90, teu: 2, cargoTonnes: 20 }),
  Object.freeze({ id: 'truck', name: 'Articulated truck (ro-ro ferries across seas)', modes: Object.freeze(['road', 'ferry'] as const), grossWeightTonnes: 40, teu: 2, cargoTonnes: 20, drivers: 1 }),
] as const satisfies readonly (ProfileSpec & { readonly id: BuiltInProfileId })[]);

/**
 * The built-in profiles.
 * - `container-rail`: a 40-foot box on a block train; it may also cross on a container feeder (`sea`)
 *   or, on its wagon, on a rail ferry (`ferry`).
 * - `wagon`: a rail wagon, crossing seas only on rail ferries.
 * - `truck`: a road vehicle, crossing seas on ro-ro ferries, with one driver keeping the AETR drivers'
 *   hours (`drivers: 1`; spread it with `drivers: 2` for a two-driver crew).
 * Gross weights are typical (40 t is the common legal maximum for an articulated truck in the region;
 * 30.48 t is the ISO 668 rating of a 40' container), used only against structures' weight caps.
 * Loads, for money and emissions: each carries one 40' box or its equivalent (2 TEU, by definition of
 * the FEU) with 20 t of cargo, i.e. 10 t per TEU, the default container load of the GLEC Framework
 * (Smart Freight Centre, 2023) and the 20 t consignment CAREC's CPMM quotes its costs for. A wagon on
 * a rail ferry often carries bulk (grain, up to about 60 t): give such a trip a profile of its own.
 */
export const BUILT_IN_PROFILES: readonly ProfileSpec[] = PROFILES;

// Compile-time guarantee that BuiltInProfileId names exactly these profiles.
const _everyBuiltInIdHasAProfile: [BuiltInProfileId] extends [(typeof PROFILES)[number]['id']] ? true : false = true;
void _everyBuiltInIdHasAProfile;
