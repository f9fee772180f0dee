// The contracts' and reviews' dates as a calendar to subscribe to (src/core/views/calendar.ts).
import { siteData } from '../../lib/data.ts';
import { calendarFile } from '../../lib/calendar.ts';

export function GET() {
  const { model, builtOn } = siteData();
  return new Response(calendarFile(model, builtOn), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
