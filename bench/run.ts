// `npm run bench`: every benchmark, one after another, each printing its own table.
import { benchCaptions } from './captions.ts';
import { benchFilms } from './films.ts';
import { benchHttp } from './http.ts';
import { benchNetwork } from './network.ts';
import { benchPipeline } from './pipeline.ts';
import { benchSearch } from './search.ts';
import { benchWeb } from './web.ts';

const only = process.argv[2];
const benches: [string, () => Promise<void>][] = [
  ['pipeline', benchPipeline],
  ['captions', benchCaptions],
  ['search', benchSearch],
  ['films', benchFilms],
  ['http', benchHttp],
  ['web', benchWeb],
  ['network', benchNetwork],
];

if (only && !benches.some(([name]) => name === only)) {
  console.error(
    `No benchmark "${only}". Choose one of: ${benches.map(([name]) => name).join(', ')} (or none for all).`,
  );
  process.exit(2);
}

for (const [name, run] of benches) {
  if (only && only !== name) continue;
  console.log(`\n=== ${name} ===`);
  await run();
}
