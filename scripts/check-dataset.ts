/**
 * Build-time check of the bundled dataset (webpack runs it before every build): the same schema and
 * consistency rules the add-in applies when it loads data. Exits non-zero with every problem listed.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadDataset } from "../src/core/load";

const file = resolve(__dirname, "../src/data/dataset.json");
const result = loadDataset(JSON.parse(readFileSync(file, "utf8")));
if (!result.ok) {
  console.error(`Dataset ${file} is invalid:\n- ${result.errors.join("\n- ")}`);
  process.exit(1);
}
const f = result.dataset.file;
console.log(
  `Dataset ${f.version} (as of ${f.asOf}): ${f.companies.length} companies, ${f.deals.length} deals, ${f.valuations.length} valuations: valid.`
);
