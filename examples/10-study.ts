// A study: three alternatives (the network as it is, the Japan 2025 package, the package plus more
// Caspian ferries) × two trips, from a study file (examples/study/plan.json), compared with the first
// alternative on common random numbers — run whole, then in four shards merged back, which gives the
// same result bit for bit (what `transcaspian study --shard i/4` and `transcaspian merge` do across
// machines).
// Run: npx tsx examples/10-study.ts
import { loadStudy, mergeStudyParts, parseStudyPart, runStudy, studyJson, studyPartJson, studyText } from 'transcaspian';

const study = loadStudy('examples/study/plan.json');
const whole = mergeStudyParts([runStudy(study)]);
console.log(studyText(whole));

// Four shards, each as a part file's text would carry it, merged in any order.
const parts = [3, 1, 0, 2].map((index) => parseStudyPart(studyPartJson(runStudy(study, { shard: { index, count: 4 } }))));
const merged = mergeStudyParts(parts);
const same = JSON.stringify(studyJson(merged)) === JSON.stringify(studyJson(whole));
console.log(`\n4 shards merged: ${same ? 'identical to the whole run' : 'DIFFERENT from the whole run'}`);
if (!same) process.exitCode = 1;
