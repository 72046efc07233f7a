// Calendar time: month boundaries, departure windows (typed errors naming the field), each run's
// departure and the results by departure month, alone and paired before/after.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, compareResults, InvalidArgumentError, parseNetwork, simulate } from '../src/index.js';
import { calendarMonthOf, departureInstants, departureMonthsOf, monthIndexOf, monthStartHours, resolveDeparture } from '../src/simulate/calendar.js';
import { toyDoc, toySpec } from './fixtures.js';

const hoursOf = (iso: string): number => Date.parse(iso) / 3.6e6;

describe('calendar months', () => {
  it('monthIndexOf agrees with Date on any instant from 1970 to 2199', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: hoursOf('2199-12-31T23:59:59Z'), noNaN: true }), (h) => {
        const d = new Date(h * 3.6e6);
        const m = monthIndexOf(h);
        expect(m).toBe((d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth());
        expect(calendarMonthOf(m)).toBe(d.getUTCMonth() + 1);
        expect(monthStartHours(m)).toBeLessThanOrEqual(h);
        expect(monthStartHours(m + 1)).toBeGreaterThan(h);
      }),
      { numRuns: 3000 },
    );
    expect(monthIndexOf(hoursOf('2025-03-01T00:00:00Z'))).toBe(55 * 12 + 2);
  });

  it('departureMonthsOf gives each run the month of its departure instant, whatever the window, seed and runs', () => {
    // Its table of hash buckets against the instants themselves (a window of a day up to ten
    // years, starting at midnight or at any hour; runs below and above the table's use).
    const day = hoursOf('2000-01-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 36_500 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 1, max: 3650 }),
        fc.nat(),
        fc.constantFrom(0, 1, 500, 8191, 8192, 20_000),
        (d, hour, days, seed, runs) => {
          const fromHours = day + 24 * d + hour;
          const window = { fromHours, toHours: fromHours + 24 * days, label: 'test' };
          const expected = Uint8Array.from(departureInstants(window, seed, 0, runs), (h) => calendarMonthOf(monthIndexOf(h)));
          expect(Buffer.from(departureMonthsOf(window, seed, runs)).equals(Buffer.from(expected))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('departure windows', () => {
  it('resolve to whole UTC days', () => {
    expect(resolveDeparture({ date: '2025-03-14' }, undefined)).toEqual({ fromHours: hoursOf('2025-03-14T00:00:00Z'), toHours: hoursOf('2025-03-15T00:00:00Z'), label: '2025-03-14' });
    expect(resolveDeparture({ month: 2 }, 2024)).toEqual({ fromHours: hoursOf('2024-02-01T00:00:00Z'), toHours: hoursOf('2024-03-01T00:00:00Z'), label: '2024-02' });
    expect(resolveDeparture({ month: 12, year: 2026 }, 2024)!.label).toBe('2026-12');
    expect(resolveDeparture({ year: 2025 }, undefined)!.toHours - resolveDeparture({ year: 2025 }, undefined)!.fromHours).toBe(365 * 24);
    expect(resolveDeparture({ from: '2025-01-30', to: '2025-02-02' }, undefined)).toEqual({ fromHours: hoursOf('2025-01-30T00:00:00Z'), toHours: hoursOf('2025-02-03T00:00:00Z'), label: '2025-01-30 to 2025-02-02' });
    expect(resolveDeparture(undefined, 2025)!.label).toBe('2025');
    expect(resolveDeparture(undefined, undefined)).toBeNull();
  });

  it.each([
    [{ date: '2025-02-29' }, 'departure.date'],
    [{ date: '25-02-01' }, 'departure.date'],
    [{ month: 13 }, 'departure.month'],
    [{ month: 3 }, 'departure.year'],
    [{ year: 1900 }, 'departure.year'],
    [{ from: '2025-03-02', to: '2025-03-01' }, 'departure.to'],
    [{ date: '2025-01-01', month: 3 }, 'departure'],
    ['2025', 'departure'],
  ])('%j is an InvalidArgumentError naming %s', (window, field) => {
    try {
      resolveDeparture(window as never, undefined);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidArgumentError);
      expect((e as InvalidArgumentError).field).toBe(field);
    }
  });
});

describe('simulate in calendar time', () => {
  const dated = (): ReturnType<typeof toyDoc> => ({ ...toyDoc(), calendar: { referenceYear: 2025 } });
  const o = { origin: 'a', destination: 'z', profile: 'container-rail', runs: 6000, seed: 4 } as const;

  it('without a window or a reference year, runs have no calendar time', () => {
    const r = simulate(parseNetwork(toySpec()), o)!;
    expect(r.calendar).toBeUndefined();
    expect(r.departureHours).toBeUndefined();
    expect(r.byMonth).toBeUndefined();
  });

  it('each run departs in the window, the same instant whatever the network, and the months partition the runs', () => {
    const r = simulate(parseNetwork(dated()), o)!;
    const plain = simulate(parseNetwork(toySpec()), o)!;
    // No episode: the calendar changes no sample.
    expect(Buffer.from(r.samples.buffer).equals(Buffer.from(plain.samples.buffer))).toBe(true);
    const from = hoursOf('2025-01-01T00:00:00Z');
    const to = hoursOf('2026-01-01T00:00:00Z');
    for (const t of r.departureHours!) {
      expect(t).toBeGreaterThanOrEqual(from);
      expect(t).toBeLessThan(to);
    }
    const other = simulate(parseNetwork(toySpec()), { ...o, departure: { year: 2025 } })!;
    expect(Buffer.from(other.departureHours!.buffer).equals(Buffer.from(r.departureHours!.buffer))).toBe(true);
    expect(r.byMonth).toHaveLength(12);
    expect(r.byMonth!.reduce((n, m) => n + (m?.runs ?? 0), 0)).toBe(o.runs);
    r.byMonth!.forEach((m, i) => {
      expect(m!.month).toBe(i + 1);
      // About a twelfth of the runs, in proportion to the month's days.
      expect(Math.abs(m!.runs / o.runs - (new Date(Date.UTC(2025, i + 1, 0)).getUTCDate() / 365))).toBeLessThan(0.02);
    });
    // A month's summary is the summary of its runs.
    const march = [...r.samples].filter((_, k) => new Date(r.departureHours![k]! * 3.6e6).getUTCMonth() === 2);
    expect(r.byMonth![2]!.summary.meanHours).toBeCloseTo(march.reduce((a, b) => a + b, 0) / march.length, 9);
    // The month tables come from the months alone; the instants, made when first read, agree with
    // them run for run, are kept (the same array on every read) and show as an own property.
    const fresh = simulate(parseNetwork(dated()), o)!;
    expect(Object.keys(fresh)).toContain('departureHours');
    const instants = fresh.departureHours!;
    expect(fresh.departureHours).toBe(instants);
    const counts = new Array<number>(12).fill(0);
    for (const t of instants) counts[new Date(t * 3.6e6).getUTCMonth()]!++;
    expect(counts).toEqual(fresh.byMonth!.map((m) => m?.runs ?? 0));
    // A result frozen before the first read still reads them.
    const frozen = Object.freeze(simulate(parseNetwork(dated()), o)!);
    expect(Buffer.from(frozen.departureHours!.buffer).equals(Buffer.from(instants.buffer))).toBe(true);
  });

  it('compareResults names a malformed calendar of a hand-made result, never failing deep inside', () => {
    const b = simulate(parseNetwork(dated()), o)!;
    const bad = { ...b, calendar: { ...b.calendar!, departure: { fromHours: 'soon', toHours: 1 } } } as unknown as typeof b;
    expect(() => compareResults(bad, b, { seed: 1 })).toThrow(InvalidArgumentError);
    try {
      compareResults(bad, b, { seed: 1 });
    } catch (e) {
      expect((e as InvalidArgumentError).field).toBe('before.calendar.departure.fromHours');
    }
    expect(compareResults(b, b, { seed: 1 }).byMonth!.every((m) => m === null || m.meanHours.estimate === 0)).toBe(true);
  });

  it('a one-month window fills that month only', () => {
    const r = simulate(parseNetwork(dated()), { ...o, departure: { month: 7 } })!;
    expect(r.byMonth!.filter((m) => m !== null).map((m) => m!.month)).toEqual([7]);
    expect(r.calendar!.departure.label).toBe('2025-07');
  });

  it('compare pairs the runs by month, and compare(n, n) is zero in every month', () => {
    const n = parseNetwork(dated());
    const same = compare(n, n, o)!;
    for (const m of same.byMonth!) expect(m!.meanHours).toEqual({ estimate: 0, low: 0, high: 0 });
    const doc = dated();
    doc.nodes[1].stages[0].durationHours = { type: 'fixed', value: 1 }; // customs at b: 4 h → 1 h
    const c = compare(n, parseNetwork(doc), o)!;
    for (const m of c.byMonth!) {
      expect(m!.meanHours.estimate).toBeCloseTo(-3, 9);
      expect(m!.after.meanHours - m!.before.meanHours).toBeCloseTo(-3, 9);
    }
  });

  it('rejects seasons and independent that are not booleans', () => {
    expect(() => simulate(parseNetwork(dated()), { ...o, seasons: 'no' as never })).toThrow(InvalidArgumentError);
    expect(() => simulate(parseNetwork(dated()), { ...o, independent: 1 as never })).toThrow(InvalidArgumentError);
  });
});
