import type { Metadata } from "next";
import Link from "next/link";
import { EnquiryPageForm } from "@/components/enquiries/enquiry-page-form";
import { SettingsCrumb } from "@/components/settings/settings-crumb";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requireAdminScope } from "@/lib/auth/scope";
import { getEnquiryPageSettings } from "@/lib/enquiries/page-settings";
import { readRequestOrigin } from "@/lib/net/request-origin";

export const metadata: Metadata = { title: "Enquiry page" };

/** What a clinic's web person pastes into the site: a plain iframe, no script of ours. */
function embedSnippet(src: string, clinicName: string): string {
  return `<iframe src="${src}" title="Enquiry form: ${clinicName.replace(/"/g, "&quot;")}" loading="lazy" style="width:100%;min-height:60rem;border:0"></iframe>`;
}

export default async function EnquiryPageSettings() {
  const scope = await requireAdminScope();
  const db = await getDb(scope);
  const [user, settings, origin] = await Promise.all([getCurrentUser(scope), getEnquiryPageSettings(db, scope), readRequestOrigin()]);
  const page = settings.slug ? `${origin}/enquire/${settings.slug}` : null;
  return (
    <div className="mx-auto grid max-w-3xl gap-6">
      <PageHeader
        eyebrow={<SettingsCrumb />}
        title="Enquiry page"
        description="The public page where people ask about treatment. Enquiries land in Enquiries with a 24-hour clock."
        className="pb-0"
      />
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2>Address and website</h2>
          </CardTitle>
          <CardDescription>{page ? <>The page is on at <Link href={`/enquire/${settings.slug}`} className="font-mono underline underline-offset-4">{page}</Link>.</> : "The page is off: no address is set."}</CardDescription>
        </CardHeader>
        <CardContent>
          <EnquiryPageForm slug={settings.slug} websiteOrigin={settings.websiteOrigin} phone={settings.phone} />
        </CardContent>
      </Card>
      {page && (
        <Card>
          <CardHeader>
            <CardTitle asChild>
              <h2>Put the form on your website</h2>
            </CardTitle>
            <CardDescription>
              {settings.websiteOrigin
                ? `Paste this where the form should appear on ${settings.websiteOrigin}. Browsers show it framed only there; anywhere else they refuse.`
                : "Set your website above first: until then browsers refuse to show the form inside any other site. Linking to the page works anyway."}
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-2">
            <label htmlFor="embed-snippet" className="text-sm font-medium">
              Code for your website
            </label>
            <textarea id="embed-snippet" readOnly rows={4} className="w-full rounded-md border bg-muted/40 p-3 font-mono text-sm" value={embedSnippet(`${page}/embed`, user.clinicName)} />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
