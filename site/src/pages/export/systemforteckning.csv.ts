import { siteData } from '../../lib/data.ts';
import { toCsv } from '../../../../src/core/views/exports.ts';

export function GET() {
  const { rows, model } = siteData();
  return new Response(toCsv(rows, model), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
