// Writes schema/scenario.schema.json, the JSON Schema of scenario files, from the zod file schema
// (via the built package: run `npm run schema`, which builds first). A unit test fails when the
// committed file differs from a fresh generation.
import { mkdirSync, writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../dist/index.js';

const dir = new URL('../schema/', import.meta.url);
mkdirSync(dir, { recursive: true });
const file = new URL('scenario.schema.json', dir);
writeFileSync(file, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file.pathname}`);
