// Where a route's time goes: hours per country × category (the Time Release Study view).
import { fsum } from 'd3-array';
import { requireShape } from '../arguments.js';
import { CATEGORIES, type Category } from '../network/types.js';
import type { Route } from './fastest.js';

/** Hours per category. */
export type CategoryHours = Record<Category, number>;

/** Hours spent in one country (or body of water), per category. */
export interface CountryHours {
  readonly country: string;
  readonly hours: number;
  readonly byCategory: CategoryHours;
}

/** Where a route's time goes: per country × category, per country, per category. */
export interface Breakdown {
  readonly totalHours: number;
  /** Countries in order of first appearance along the route. */
  readonly byCountry: readonly CountryHours[];
  readonly byCategory: CategoryHours;
}

/** An object with every category at 0. */
export function zeroCategories(): CategoryHours {
  return Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as CategoryHours;
}

/**
 * Hours per country × category (`moving`, `border`, `customs`, `handling`, `waiting`) of a route.
 * Every cell is an exactly rounded sum (d3 `fsum`) of the route's parts, so the cells, the country
 * totals and the category totals each add up to `totalHours` to within floating-point rounding
 * (about 1e-12 of the total).
 */
export function breakdown(route: Pick<Route, 'parts' | 'totalHours'>): Breakdown {
  requireShape(route, 'route', 'a Route from fastestRoute', { parts: 'array' });
  route.parts.forEach((p, i) => requireShape(p, `route.parts[${i}]`, 'a part of a Route', { country: 'string', category: 'string', hours: 'number' }));
  const cells = new Map<string, Map<Category, number[]>>();
  for (const p of route.parts) {
    let row = cells.get(p.country);
    if (row === undefined) cells.set(p.country, (row = new Map()));
    let cell = row.get(p.category);
    if (cell === undefined) row.set(p.category, (cell = []));
    cell.push(p.hours);
  }
  const byCountry: CountryHours[] = [];
  for (const [country, row] of cells) {
    const byCategory = zeroCategories();
    for (const c of CATEGORIES) byCategory[c] = fsum(row.get(c) ?? []);
    byCountry.push({ country, hours: fsum(CATEGORIES.flatMap((c) => row.get(c) ?? [])), byCategory });
  }
  const byCategory = zeroCategories();
  for (const c of CATEGORIES) byCategory[c] = fsum(route.parts.filter((p) => p.category === c), (p) => p.hours);
  return { totalHours: route.totalHours, byCountry, byCategory };
}
