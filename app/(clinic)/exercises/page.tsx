import type { Metadata } from "next";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireScope } from "@/lib/auth/scope";

export const metadata: Metadata = { title: "Exercises" };

export default async function ExercisesPage() {
  await requireScope();
  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <PageHeader title="Exercises" />
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Exercise library: not built yet</h2>
          </CardTitle>
          <CardDescription>The built-in corrective exercise catalogue and the exercises your clinic adds will be listed here.</CardDescription>
        </CardHeader>
      </Card>
    </div>
  );
}
