// Parses Argdown files with the reference parser (@argdown/core) and
// prints what it found in each as JSON, one line per file: the errors, and
// the statements, arguments and relations of the model. Exits 1 on any error.
import { readFileSync } from "node:fs";
import { ArgdownApplication, ParserPlugin, ModelPlugin } from "@argdown/core";

const app = new ArgdownApplication();
app.addPlugin(new ParserPlugin(), "parse-input");
app.addPlugin(new ModelPlugin(), "build-model");
let failed = false;
for (const file of process.argv.slice(2)) {
  const input = readFileSync(file, "utf8");
  const response = app.run({ process: ["parse-input", "build-model"], input, logLevel: "error" });
  const errors = [...(response.lexerErrors || []), ...(response.parserErrors || []), ...(response.exceptions || [])];
  failed ||= errors.length > 0;
  console.log(JSON.stringify({
    errors: errors.map((e) => e.message || String(e)),
    statements: Object.keys(response.statements || {}).length,
    arguments: Object.keys(response.arguments || {}).length,
    relations: (response.relations || []).map((r) => [r.from.title, r.relationType, r.to.title]),
  }));
}
process.exit(failed ? 1 : 0);
