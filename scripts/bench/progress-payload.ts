// The progress page's weight as it crosses the network: HTML of a full load (and the part of it that
// is the inlined RSC payload), and the RSC payload of a client navigation, raw and gzip, for the
// 100- and 10,000-measurement benchmark patients of the scale data set, plus the patient page.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/plumbline_scale npx tsx scripts/bench/progress-payload.ts
// Needs a production build (npm run build). Optional: BENCH_PORT (3146).
import os from "node:os";
import { gzipSync } from "node:zlib";
import { SCALE_PASSWORD } from "../scale/steps";
import { startServer } from "./server";
import { signInAs } from "./sign-in";

const PORT = Number(process.env.BENCH_PORT ?? 3146);
const kib = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The bytes of the `self.__next_f.push(...)` scripts: the RSC payload inlined into the HTML. */
function inlinedFlight(html: string): number {
  let total = 0;
  for (const m of html.matchAll(/<script[^>]*>(self\.__next_f\.push\([\s\S]*?\))<\/script>/g)) total += Buffer.byteLength(m[1]!);
  return total;
}

async function findPatient(base: string, cookie: string, lastName: string): Promise<string> {
  const html = await (await fetch(`${base}/patients?q=${lastName}`, { headers: { cookie } })).text();
  const id = /href="\/patients\/([0-9a-f-]{36})"/.exec(html)?.[1];
  if (!id) throw new Error(`no patient ${lastName}: load the scale data (npm run db:seed:scale)`);
  return id;
}

async function main() {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL (the scale data set) is required");
  const server = await startServer({ ...process.env, PORT: String(PORT), HOST: "127.0.0.1", LOG_LEVEL: "warn" }, PORT);
  try {
    const base = server.baseUrl;
    const cookie = await signInAs(base, "prac01@north.scale.test", SCALE_PASSWORD);
    const ten = await findPatient(base, cookie, "tenthousand");
    const hundred = await findPatient(base, cookie, "hundred");
    const pages = [
      ["progress, 100 measurements", `/patients/${hundred}/progress`],
      ["progress, 10,000 measurements", `/patients/${ten}/progress`],
      ["patient page, 10,000 measurements", `/patients/${ten}`],
    ] as const;
    console.log("| page | HTML | HTML gzip | of it inlined RSC | RSC (client navigation) | RSC gzip |");
    console.log("|---|---|---|---|---|---|");
    for (const [name, path] of pages) {
      const htmlRes = await fetch(base + path, { headers: { cookie } });
      const html = await htmlRes.text();
      const rscRes = await fetch(base + path, { headers: { cookie, rsc: "1" } });
      const rsc = await rscRes.text();
      if (htmlRes.status !== 200 || rscRes.status !== 200 || !rscRes.headers.get("content-type")?.includes("text/x-component")) {
        throw new Error(`${path}: HTML ${htmlRes.status}, RSC ${rscRes.status} ${rscRes.headers.get("content-type")}`);
      }
      const size = (s: string) => Buffer.byteLength(s);
      console.log(`| ${name} | ${kib(size(html))} | ${kib(gzipSync(html).length)} | ${kib(inlinedFlight(html))} | ${kib(size(rsc))} | ${kib(gzipSync(rsc).length)} |`);
    }
    console.log(`\nload average ${os.loadavg().map((l) => l.toFixed(2)).join(", ")} (${os.cpus().length} cores)`);
  } finally {
    await server.stop();
  }
}

main().catch((err: Error) => {
  console.error(err);
  process.exit(1);
});
