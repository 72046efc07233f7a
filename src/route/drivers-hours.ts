// Drivers' hours on road legs (UNECE AETR, which applies in Kazakhstan, Kyrgyzstan, Tajikistan,
// Uzbekistan, Turkmenistan, Azerbaijan, Georgia, Türkiye and the EU): at most 9 h of driving a day,
// a 45 min break after 4.5 h, an 11 h daily rest; a two-driver crew takes a 9 h daily rest within
// each 30 h, each driver still driving at most 9 h of it. Link speeds are speeds while moving, so
// the rests are time on top.
import { InvalidArgumentError } from '../errors.js';

/** The AETR figures the rest rates are built from (hours). */
export const AETR = Object.freeze({
  /** Daily driving limit per driver. */
  dailyDrivingHours: 9,
  /** Driving after which a break is due. */
  drivingBeforeBreakHours: 4.5,
  /** The break. */
  breakHours: 0.75,
  /** Daily rest of a single driver. */
  dailyRestHours: 11,
  /** Multi-manning: each driver's daily rest within this period… */
  multiManningPeriodHours: 30,
  /** …of at least this many hours. */
  multiManningRestHours: 9,
});

/**
 * Hours stopped per hour driven, for a crew of `drivers` (1 or 2) at a random point of its AETR
 * cycle when a leg begins (so the rate is the cycle's time average and rests add up over legs):
 * - one driver: a cycle of 9 h driving, a 45 min break after 4.5 h and an 11 h daily rest, so
 *   (0.75 + 11) / 9 ≈ 1.306 h stopped per hour driven;
 * - two drivers: breaks are taken while the other drives; the vehicle stops for the crew's 9 h
 *   daily rest and for the rest of the 30 h period that the two 9 h driving limits leave idle,
 *   (30 − 2 × 9) / (2 × 9) ≈ 0.667 h per hour driven.
 * Throws `InvalidArgumentError` for another crew size.
 */
export function restHoursPerDrivingHour(drivers: number): number {
  if (drivers === 1) return (AETR.breakHours + AETR.dailyRestHours) / AETR.dailyDrivingHours;
  if (drivers === 2) return (AETR.multiManningPeriodHours - 2 * AETR.dailyDrivingHours) / (2 * AETR.dailyDrivingHours);
  throw new InvalidArgumentError('profile.drivers', drivers, '1 (one driver) or 2 (a two-driver crew)');
}
