/**
 * Is the attached chart still the log? The chart is a picture of the log at one moment; once an
 * entry (or the applicant's name on it) changes, the packet would carry an out-of-date picture, so
 * the check warns on the timeline material until the chart is generated again.
 */
import { makeProblem, type MaterialResult } from '../model/schemas/check-report';
import type { ProjectDoc } from '../model/schemas/project';
import { fingerprintOf } from '../model/fingerprint';
import type { RulePack } from '../model/schemas/rules';
import { CHART_OUTDATED, generatedChart, timelineMaterial, type SecurityLogEntry } from '../model/schemas/security-log';

/** The applicant named on the chart: the pack's company-name field, whichever it is called. */
export function chartCompany(fields: ProjectDoc['fields']): string | undefined {
  const company = ['org_name', 'company_name'].map((id) => fields[id]).find((v) => typeof v === 'string' && v.trim());
  return typeof company === 'string' ? company : undefined;
}

/** A fingerprint of what the chart shows: every entry's text (not its id) and the applicant. */
export function securityLogFingerprint(entries: readonly SecurityLogEntry[], company: string | undefined): string {
  const shown = entries.map((e) => [e.date, e.problem, e.fix, e.effect, e.responsible, e.signed]);
  return fingerprintOf([company ?? '', shown]);
}

/**
 * True when a generated chart is attached but the log changed since (or it predates the record, so
 * what it shows is unknown). False when no generated chart is attached.
 */
export function chartOutdated(doc: ProjectDoc, materialId: string): boolean {
  const chart = generatedChart(doc, materialId);
  if (!chart) return false;
  const record = doc.securityLogChart;
  if (!record || record.file !== chart.id) return true;
  return record.fingerprint !== securityLogFingerprint(doc.securityLog ?? [], chartCompany(doc.fields));
}

/** The timeline material's result with a warning when its chart is outdated; any other result as it is. */
export function withChartCheck(result: MaterialResult, doc: ProjectDoc, pack: RulePack): MaterialResult {
  if (result.id !== timelineMaterial(pack) || result.status === 'not-required' || !chartOutdated(doc, result.id)) {
    return result;
  }
  return {
    ...result,
    status: result.status === 'ok' ? 'warning' : result.status,
    problems: [...result.problems, makeProblem(CHART_OUTDATED, 'warning')],
  };
}
