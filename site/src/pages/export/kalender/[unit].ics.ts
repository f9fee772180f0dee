export { unitCalendarDownload as GET, unitCalendarPaths as getStaticPaths } from '../../../lib/routes/downloads.ts';
