/**
 * Fill-in templates rendered: a template (src/core/rules/templates.ts loads it) filled with the
 * project's values (./document.ts), written as PDF (./pdf.ts) or .docx (./docx.ts) from that one
 * description.
 */
import type { FieldValue } from '../model/schemas/values';
import type { Template, TemplateFormat } from '../model/schemas/templates';
import { fillTemplate } from './document';
import { templateDocx } from './docx';
import { templatePdf } from './pdf';

export { fillTemplate, type TemplateDocument } from './document';

/** The template filled with `fields` on `today`, as the bytes of a `format` file. */
export async function renderTemplate(
  template: Template,
  fields: Readonly<Record<string, FieldValue>>,
  today: string,
  format: TemplateFormat,
  subject?: 'enterprise' | 'individual',
): Promise<Uint8Array> {
  const document = fillTemplate(template, fields, today, subject);
  return format === 'pdf' ? templatePdf(document) : templateDocx(document);
}
