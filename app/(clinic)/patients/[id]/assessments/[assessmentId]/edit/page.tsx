import type { Metadata } from "next";
import { ReviseAssessmentPage } from "@/components/assessments/revise-assessment-page";

export const metadata: Metadata = { title: "Edit draft assessment" };

export default function EditAssessmentPage({ params }: { params: Promise<{ id: string; assessmentId: string }> }) {
  return <ReviseAssessmentPage params={params} mode="draft" />;
}
