// Validates a SARIF log against the SARIF 2.1.0 JSON schema (the OASIS schema, draft-04, as
// Microsoft's @microsoft/jest-sarif package ships it, MIT), with ajv 6 (which reads draft-04).
//   node tools/sarif/validate.mjs LOG.sarif [MIN_RESULTS]
// Exits 1 with the schema errors when the log is invalid, or when it holds fewer results than
// MIN_RESULTS (an empty log validates too easily).
import fs from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const Ajv = require("ajv");
const schema = require("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
const draft04 = require("ajv/lib/refs/json-schema-draft-04.json");

const [file, minResults] = process.argv.slice(2);
if (!file) {
  console.error("usage: node tools/sarif/validate.mjs LOG.sarif [MIN_RESULTS]");
  process.exit(2);
}
const log = JSON.parse(fs.readFileSync(file, "utf8"));
const ajv = new Ajv({ schemaId: "id", allErrors: true, meta: false });
ajv.addMetaSchema(draft04);
const valid = ajv.validate(schema, log);
if (!valid) {
  console.error(`${file}: not valid SARIF 2.1.0:`);
  for (const e of ajv.errors) console.error(`  ${e.dataPath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
  process.exit(1);
}
const results = (log.runs || []).reduce((n, r) => n + (r.results || []).length, 0);
if (results < Number(minResults || 0)) {
  console.error(`${file}: ${results} results, fewer than ${minResults}`);
  process.exit(1);
}
console.log(`${file}: valid SARIF 2.1.0 (${schema.title}), ${results} results`);
