// Natural Earth country boundaries (1:50m) shipped by the `world-atlas` package, read from
// node_modules and converted from TopoJSON once per process. Nothing is fetched at run time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

/** A country outline: Natural Earth name and its geometry. */
export type CountryFeature = Feature<Geometry, { readonly name?: string }>;

let countries: readonly CountryFeature[] | undefined;

/** The world's countries (Natural Earth 1:50m via world-atlas), cached. */
export function worldCountries(): readonly CountryFeature[] {
  if (countries === undefined) {
    const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
    const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection<{ name?: string }> }>;
    const fc = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name?: string }>;
    countries = Object.freeze(fc.features);
  }
  return countries;
}
