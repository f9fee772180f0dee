// The compact data the register page's filter script loads on first use.
import { siteData } from '../../lib/data.ts';
import { registerIndex } from '../../../../src/core/views/register-columns.ts';

export function GET() {
  return new Response(JSON.stringify(registerIndex(siteData().rows)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
