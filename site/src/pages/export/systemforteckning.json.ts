import { siteData } from '../../lib/data.ts';
import { toJsonExport } from '../../../../src/core/views/exports.ts';

export function GET() {
  const { model, builtOn } = siteData();
  return new Response(toJsonExport(model, builtOn), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
