import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCaddyfile } from '../front/caddyfile.ts';

// `npm run front-config`: writes front/Caddyfile, the front server's configuration compose mounts.
const file = join(import.meta.dirname, '../../../front/Caddyfile');
writeFileSync(file, renderCaddyfile());
console.log(`wrote ${file}`);
