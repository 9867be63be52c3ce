// Parses an Argdown file with the reference parser (@argdown/core) and
// prints what it found as JSON: the errors, and the statements, arguments
// and relations of the model. Exits 1 on any error.
import { readFileSync } from "node:fs";
import { ArgdownApplication, ParserPlugin, ModelPlugin } from "@argdown/core";

const app = new ArgdownApplication();
app.addPlugin(new ParserPlugin(), "parse-input");
app.addPlugin(new ModelPlugin(), "build-model");
const input = readFileSync(process.argv[2], "utf8");
const response = app.run({ process: ["parse-input", "build-model"], input, logLevel: "error" });
const errors = [...(response.lexerErrors || []), ...(response.parserErrors || []), ...(response.exceptions || [])];
console.log(JSON.stringify({
  errors: errors.map((e) => e.message || String(e)),
  statements: Object.keys(response.statements || {}).length,
  arguments: Object.keys(response.arguments || {}).length,
  relations: (response.relations || []).map((r) => [r.from.title, r.relationType, r.to.title]),
}));
process.exit(errors.length ? 1 : 0);
