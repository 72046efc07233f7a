// Quantiles of Student's t distribution, for 95% intervals of means over few values (replications
// of the queue model, paired Monte Carlo differences).

/** Two-sided 95% Student t quantiles t(0.975, df) for df = 1…30. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08,
  2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** t(0.975, df): the table up to 30, then the Cornish–Fisher expansion around z = 1.96 (error below 1e-3). */
export function t975(df: number): number {
  if (df <= 30) return T975[Math.max(1, Math.floor(df)) - 1]!;
  const z = 1.959963984540054;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}
