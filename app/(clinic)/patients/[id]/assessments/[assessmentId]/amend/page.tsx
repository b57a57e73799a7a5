import type { Metadata } from "next";
import { ReviseAssessmentPage } from "@/components/assessments/revise-assessment-page";

export const metadata: Metadata = { title: "Amend assessment" };

export default function AmendAssessmentPage({ params }: { params: Promise<{ id: string; assessmentId: string }> }) {
  return <ReviseAssessmentPage params={params} mode="amend" />;
}
