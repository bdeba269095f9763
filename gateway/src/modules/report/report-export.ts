import type { EntityManager } from '@mikro-orm/postgresql';
import { csvFile } from '../../common/csv.js';
import { sqlOf } from '../../common/sql.js';
import type { Caller } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { audit } from '../audit/audit.service.js';
import { reportScope } from './report.js';
import { reportNamed } from './report.registry.js';

export interface ReportFile {
  filename: string;
  content: string;
}

/**
 * One report as a CSV file (`GET /reports/<csvName>.csv`): the same figures as its `Report` field,
 * for the same period and filters, withheld counts written `<5`. Audited as an EXPORT of no record
 * (the report's name as the reason): reports hold no person. The caller's access is checked first
 * (`http/report-downloads.ts`), as for the `report` query.
 */
export async function exportReport(
  em: EntityManager,
  caller: Caller,
  csvName: string,
  rawPeriod: unknown,
): Promise<ReportFile> {
  const definition = reportNamed(csvName);
  if (!definition) throw new NotFoundError('Report');
  const scope = await reportScope(em, caller, rawPeriod);
  const { header, rows } = definition.csv(await definition.compute(sqlOf(em), scope), scope);
  audit(em, caller, 'EXPORT', 'Report', [], { reason: csvName });
  await em.flush();
  return { filename: `${csvName}_${scope.from}_${scope.to}.csv`, content: csvFile(header, rows) };
}
