// The dashboard's caseload sizes for issue 11: prac01 keeps the 908 of docs/benchmarks.md, prac02
// gets 5,000 and prac03 100 patients of the north clinic (reassigned in place: use a throwaway copy
// of the scale data set). Idempotent.
import postgres from "postgres";

export async function arrangeCaseloads(ownerUrl: string) {
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    const staff = await sql<{ email: string; id: string; clinic_id: string }[]>`select email, id, clinic_id from app_user where email in ('prac01@north.scale.test', 'prac02@north.scale.test', 'prac03@north.scale.test', 'prac04@north.scale.test')`;
    const id = (e: string) => staff.find((s) => s.email === `${e}@north.scale.test`)!.id;
    const clinic = staff[0]!.clinic_id;
    // prac03: 100 patients, the rest to prac04.
    await sql`update patient set practitioner_id = ${id("prac04")} where clinic_id = ${clinic} and practitioner_id = ${id("prac03")}
      and id not in (select id from patient where clinic_id = ${clinic} and practitioner_id = ${id("prac03")} order by id limit 100)`;
    // prac02: 5,000 patients, taken from everyone but prac01 and prac03.
    const [have] = await sql<{ n: number }[]>`select count(*)::int as n from patient where clinic_id = ${clinic} and practitioner_id = ${id("prac02")}`;
    const more = 5000 - have!.n;
    if (more > 0) {
      await sql`update patient set practitioner_id = ${id("prac02")} where id in (
        select id from patient where clinic_id = ${clinic} and practitioner_id not in (${id("prac01")}, ${id("prac02")}, ${id("prac03")}) order by id limit ${more})`;
    }
    const counts = await sql<{ email: string; n: number }[]>`select u.email, count(p.id)::int as n from app_user u left join patient p on p.practitioner_id = u.id
      where u.email in ('prac01@north.scale.test', 'prac02@north.scale.test', 'prac03@north.scale.test') group by u.email order by u.email`;
    return counts;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
