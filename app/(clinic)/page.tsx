import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requireScope } from "@/lib/auth/scope";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const scope = await requireScope();
  const user = await getCurrentUser(scope);
  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <PageHeader title={`Hello, ${user.name.split(" ")[0]}`} description={user.clinicName} />
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Caseload dashboard: not built yet</h2>
          </CardTitle>
          <CardDescription>
            Sessions due, patients not improving and reassessments will appear here once progress tracking is built.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Button asChild>
            <Link href="/patients">Go to patients</Link>
          </Button>
        </CardContent>
      </Card>
    </div>
  );
}
