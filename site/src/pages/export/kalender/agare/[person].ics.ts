export { ownerCalendarDownload as GET, ownerCalendarPaths as getStaticPaths } from '../../../../lib/routes/downloads.ts';
