export { changesFeedDownload as GET } from '../../lib/routes/downloads.ts';
