import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** A PDF's pages and the text of each, as a reader selecting it would get it (pdfjs-dist). */
export async function readPdfText(pdf: Uint8Array): Promise<{ pages: number; text: string[] }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const text: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    text.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
  }
  await doc.destroy();
  return { pages: doc.numPages, text };
}
