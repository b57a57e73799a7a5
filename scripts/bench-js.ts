// Writes the first-load JS of every page of the production build into
// docs/benchmarks-js.md, between the markers, keeping the rest of the file.
// `npm run bench:js` builds first when the build is missing or stale.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BUDGET_BYTES, distDirOf, formatKb, measureFirstLoad } from "./js-budget/first-load";

const DOC = path.resolve("docs", "benchmarks-js.md");
const START = "<!-- bench:js table start -->";
const END = "<!-- bench:js table end -->";

const rows = measureFirstLoad(distDirOf());
const over = rows.filter((r) => r.gzipBytes > BUDGET_BYTES).length;
const table = [
  START,
  `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:js\` (next ${readNext()}): ${rows.length} pages, budget ${formatKb(BUDGET_BYTES)} gzip, ${over === 0 ? "met on every page" : `**not met on ${over}**`}.`,
  "",
  "| route | first-load JS (gzip) | raw | chunks | budget |",
  "|---|---:|---:|---:|---|",
  ...rows.map((r) => `| \`${r.route}\` | ${formatKb(r.gzipBytes)} | ${formatKb(r.rawBytes)} | ${r.chunks.length} | ${r.gzipBytes <= BUDGET_BYTES ? "met" : "**not met**"} |`),
  END,
].join("\n");

function readNext(): string {
  return (JSON.parse(readFileSync(path.resolve("node_modules", "next", "package.json"), "utf8")) as { version: string }).version;
}

const current = existsSync(DOC) ? readFileSync(DOC, "utf8") : `# First-load JS per page\n\n${START}\n${END}\n`;
const [before, rest] = current.split(START);
if (rest === undefined || !rest.includes(END)) throw new Error(`${DOC} lacks the markers ${START} … ${END}`);
writeFileSync(DOC, `${before}${table}${rest.slice(rest.indexOf(END) + END.length)}`);
console.log(`${path.relative(process.cwd(), DOC)}: ${rows.length} pages, largest ${rows[0]?.route} ${formatKb(rows[0]?.gzipBytes ?? 0)}, over budget: ${over}`);
