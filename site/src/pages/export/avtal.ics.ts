export { calendarDownload as GET } from '../../lib/routes/downloads.ts';
