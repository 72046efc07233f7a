// Evidence: the shipped model against published figures, the Japan 2025 package's effect with the
// uncertainty of its inputs (two levels), and a time survey as an input (the synthetic one).
// Run: npx tsx examples/12-evidence.ts
import { readFileSync } from 'node:fs';
import { applyMeasures, corridorTargets, fitSurvey, japan2025, middleCorridor, runScenario, surveyRecordsFromCsv, validation } from 'transcaspian';

const network = middleCorridor();

// 1. Where the model stands against published figures (inside, outside, or not evaluable yet).
const v = validation(network, corridorTargets(), { runs: 1000 });
console.log(`Published figures: ${v.score.inside} of ${v.score.evaluable} evaluable targets inside their bands; ${v.score.notEvaluable} need mechanisms not built yet.`);
for (const r of v.rows.filter((x) => x.status === 'outside')) console.log(`  outside: ${r.target.id} ${r.target.case}`);

// 2. The package's effect as a distribution over its uncertain inputs, with Monte Carlo error beside it.
const trip = { origin: 'xian', destination: 'constanta', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR'] }, runs: 1000, seed: 7 };
const s = runScenario(network, japan2025().measures, trip, { attribution: false, uncertainty: { draws: 16 } });
const u = s.uncertainty!;
const d = (h: number): string => (h / 24).toFixed(2);
console.log(`Japan 2025 on Xi'an → Constanța: ${d(u.effect.meanHours.median)} d; 90% of ${u.evaluated} parameter draws between ${d(u.effect.meanHours.low)} and ${d(u.effect.meanHours.high)} d (Monte Carlo error ±${d(u.monteCarlo.innerHalfWidthHours)} d).`);

// 3. A time survey replaces the dataset's figures where it has enough records (this one is synthetic).
const fit = fitSurvey(surveyRecordsFromCsv(readFileSync('data/surveys/synthetic-kazakhstan-2026.csv', 'utf8')), { network, id: 'synthetic-survey', title: 'Synthetic time survey' });
for (const st of fit.stages) {
  const what = st.chosen === 'lognormal' ? `lognormal, median ${st.lognormal!.median.toFixed(2)} h, p90 ${st.lognormal!.p90.toFixed(2)} h` : `its observed values (a lognormal does not fit: Anderson–Darling p = ${st.goodness?.p.toFixed(3)})`;
  console.log(`  ${st.node} ${st.stage}: n = ${st.n}, ${what}`);
}
const surveyed = applyMeasures(network, [fit.measure]);
console.log(`Surveyed network: ${surveyed.sourceById.get('synthetic-survey')?.title} cited on ${fit.stages.length} stages.`);
