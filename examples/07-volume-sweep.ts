// Queues and capacity: the corridor's flows at 1× to 3× today's volume (the World Bank's 2030
// target is about 3×), without and with the Japan 2025 package. Which server saturates first, and
// do the measures move it?
// Run: npx tsx examples/07-volume-sweep.ts
import { japan2025, middleCorridor, sweepText, volumeSweep } from 'transcaspian';

const network = middleCorridor();
const sweep = volumeSweep(network, { seed: 7, weeks: 52, replications: 3, measures: japan2025().measures });

console.log(sweepText(sweep));

console.log('\nWhere the corridor stops keeping up:');
for (const row of sweep.saturation.filter((r) => r.saturatesAt.baseline !== null)) {
  const after = row.saturatesAt.withMeasures === null ? 'no longer saturates' : `still at ${row.saturatesAt.withMeasures}×`;
  console.log(`  ${row.label}: saturates at ${row.saturatesAt.baseline}× today's volume; with the package ${after}`);
}

const at3 = sweep.baseline[sweep.baseline.length - 1]!;
const feeder = at3.servers.find((s) => s.id === 'service|aktau-alat-feeder');
if (feeder !== undefined) {
  console.log(
    `\nAt ${at3.volume}×: ${at3.deliveredPerWeek.toFixed(1)} of ${at3.offeredPerWeek.toFixed(1)} consignments a week delivered; ` +
      `${Math.round(at3.backlog.total)} in the system at the end; the Aktau–Alat feeders carry ${feeder.sailings!.perWeek.toFixed(1)} loads a week ` +
      `(capacity ${feeder.capacityPerWeek!.toFixed(1)}) and ` +
      (feeder.unstable
        ? `the feeder is unstable (utilisation ${feeder.utilisationFromRates.toFixed(2)} ≥ 1): its queue grows without bound.`
        : `a train waits ${((feeder.meanWaitHours?.estimate ?? 0) / 24).toFixed(0)} days for space.`),
  );
}
