import { answerEnquiryPage, answerEnquirySubmission } from "@/lib/enquiries/public-routes";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

/** The enquiry form for the clinic's own website to frame: framable by that site only (its CSP frame-ancestors). */
export async function GET(request: Request, { params }: Params): Promise<Response> {
  return answerEnquiryPage(request, (await params).slug, { embed: true });
}

export async function POST(request: Request, { params }: Params): Promise<Response> {
  return answerEnquirySubmission(request, (await params).slug, { embed: true });
}
