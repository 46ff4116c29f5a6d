// `npm run bench`: every benchmark, one after another, each printing its own table.
import { benchPipeline } from './pipeline.ts';

const only = process.argv[2];
const benches: [string, () => Promise<void>][] = [['pipeline', benchPipeline]];

for (const [name, run] of benches) {
  if (only && only !== name) continue;
  console.log(`\n=== ${name} ===`);
  await run();
}
