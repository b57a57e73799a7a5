import { existsSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";

// The app's own typeface (the geist package), embedded and subset; Helvetica if it is missing
const FONT_DIR = path.join(process.cwd(), "node_modules", "geist", "dist", "fonts", "geist-sans");
const REGULAR = path.join(FONT_DIR, "Geist-Regular.ttf");
const BOLD = path.join(FONT_DIR, "Geist-SemiBold.ttf");
const MUTED = "#555555";

export type LineOptions = { muted?: boolean; size?: number; indent?: number };

export type ReportDocument = {
  doc: PDFKit.PDFDocument;
  regular: string;
  bold: string;
  left: number;
  width: number;
  /** A section heading. */
  heading: (text: string) => void;
  /** A paragraph; an indent moves the whole paragraph (pdfkit's own `indent` moves only its first line). */
  line: (text: string, options?: LineOptions) => void;
  /** Ends the document and resolves with its bytes. */
  finish: () => Promise<Buffer>;
};

/** An A4 pdfkit document with the reports' fonts, margins, heading and paragraph styles (real, selectable text). */
export function createReportDocument(info: { Title: string; Author: string }): ReportDocument {
  const embedded = existsSync(REGULAR) && existsSync(BOLD);
  const regular = embedded ? REGULAR : "Helvetica";
  const bold = embedded ? BOLD : "Helvetica-Bold";
  const doc = new PDFDocument({ size: "A4", margin: 42, font: regular, info: { ...info, Creator: "Plumbline" } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  return {
    doc,
    regular,
    bold,
    left,
    width,
    heading: (text) => {
      doc.moveDown(0.6).font(bold).fontSize(11).fillColor("black").text(text, left);
      doc.moveDown(0.15);
    },
    line: (text, options = {}) => {
      doc
        .font(regular)
        .fontSize(options.size ?? 9)
        .fillColor(options.muted ? MUTED : "black")
        .text(text, left + (options.indent ?? 0), undefined, { width: width - (options.indent ?? 0) });
    },
    finish: () => {
      doc.end();
      return done;
    },
  };
}
