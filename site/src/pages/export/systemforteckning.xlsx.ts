import { siteData } from '../../lib/data.ts';
import { toXlsx } from '../../../../src/core/views/exports.ts';

export function GET() {
  const { rows, model } = siteData();
  return new Response(Buffer.from(toXlsx(rows, model)), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
}
