import { answerEnquiryPage, answerEnquirySubmission } from "@/lib/enquiries/public-routes";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

/** A clinic's public enquiry page (lib/enquiries/public-routes.ts). */
export async function GET(request: Request, { params }: Params): Promise<Response> {
  return answerEnquiryPage(request, (await params).slug, { embed: false });
}

export async function POST(request: Request, { params }: Params): Promise<Response> {
  return answerEnquirySubmission(request, (await params).slug, { embed: false });
}
