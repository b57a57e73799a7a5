import { getDb, getUnscopedDb } from "@/db/runtime";
import { isHttpsRequest, readClientIp } from "@/lib/auth/ip";
import { findTextProblem } from "@/lib/forms/text";
import { answerUnlessDatabaseDown } from "@/lib/outage/responses";
import { readNonce, respondLinkHtml } from "@/lib/patient-links/responses";
import { buildPatientCsp } from "@/lib/security/headers";
import { reserveEnquiry, submitEnquiry } from "./mutations";
import { renderEnquiryForm, renderPlain, renderThanks, type FormErrors, type FormValues } from "./page";
import { findClinicBySlug, type PublicClinic } from "./queries";
import { enquirySchema, type EnquiryField } from "./schemas";
import { HONEYPOT_FIELD, isSpam, issueFormStamp } from "./spam";


const FIELDS: EnquiryField[] = ["name", "phone", "email", "concern", "preferredTimes", "consent"];
const notFound = (request: Request) => respondLinkHtml(404, renderPlain("Page not found", "There is no clinic at this address. Check the link on the clinic's website.", readNonce(request)));

/** Where the page is shown: on its own, or framed by the clinic's website (/enquire/<slug>/embed). */
export type EnquiryVariant = { embed: boolean };

/**
 * The embeddable variant's own policy: the patient pages' one with the
 * clinic's website as the only frame ancestor ('none' without one, so it
 * cannot be framed anywhere until the clinic names its site).
 */
function finish(request: Request, variant: EnquiryVariant, clinic: PublicClinic | null, response: Response): Response {
  if (!variant.embed) return response;
  const csp = buildPatientCsp(readNonce(request), { https: isHttpsRequest(request.headers), frameAncestors: clinic?.websiteOrigin ? [clinic.websiteOrigin] : [] });
  response.headers.set("content-security-policy", csp);
  return response;
}

/** A clinic's public enquiry page (lib/enquiries): plain HTML, no sign-in, no script. */
export function answerEnquiryPage(request: Request, slug: string, variant: EnquiryVariant): Promise<Response> {
  return answerUnlessDatabaseDown(request, async () => {
    const clinic = await findClinicBySlug(await getUnscopedDb(), slug);
    if (!clinic) return finish(request, variant, null, notFound(request));
    return finish(request, variant, clinic, respondLinkHtml(200, renderEnquiryForm(clinic, slug, { nonce: readNonce(request), stamp: issueFormStamp(), embed: variant.embed })));
  });
}

/** A submission of the public form: checked, throttled per address, spam discarded in silence, saved and audited. */
export function answerEnquirySubmission(request: Request, slug: string, variant: EnquiryVariant): Promise<Response> {
  return answerUnlessDatabaseDown(request, async () => {
    const clinic = await findClinicBySlug(await getUnscopedDb(), slug);
    if (!clinic) return finish(request, variant, null, notFound(request));
    return finish(request, variant, clinic, await submit(request, clinic, slug, variant));
  });
}

async function submit(request: Request, clinic: PublicClinic, slug: string, variant: EnquiryVariant): Promise<Response> {
  const nonce = readNonce(request);
  const ip = readClientIp(request.headers);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return respondLinkHtml(400, renderPlain("Something went wrong", "The form did not arrive whole. Go back and send it again.", nonce));
  }
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : null;
  };
  const db = await getDb({ clinicId: clinic.clinicId });
  if (!(await reserveEnquiry(await getUnscopedDb(), clinic.clinicId, ip))) {
    return new Response(renderPlain("Too many enquiries", "This phone or network has sent too many enquiries. Wait 15 minutes, or call the clinic.", nonce), {
      status: 429,
      headers: { "referrer-policy": "no-referrer", "cache-control": "private, no-store", "retry-after": "900", "content-type": "text/html; charset=utf-8" },
    });
  }
  // A robot gets the same thank-you as a person, and nothing is stored.
  if (isSpam({ honeypot: text(HONEYPOT_FIELD), stamp: text("stamp") })) return respondLinkHtml(200, renderThanks(clinic, nonce));
  const values: FormValues = {};
  for (const f of FIELDS) values[f] = text(f) ?? "";
  const errors: FormErrors = {};
  for (const f of FIELDS) {
    const problem = findTextProblem(values[f] ?? "", "This field", f === "concern" ? "multi" : "single");
    if (problem) errors[f] = problem;
  }
  const parsed = enquirySchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as EnquiryField;
      errors[key] ??= issue.message;
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) {
    return respondLinkHtml(422, renderEnquiryForm(clinic, slug, { nonce, stamp: text("stamp") ?? issueFormStamp(), values, errors, embed: variant.embed }));
  }
  await submitEnquiry(db, clinic, parsed.data, ip);
  return respondLinkHtml(200, renderThanks(clinic, nonce));
}

