export { csvDownload as GET } from '../../lib/routes/downloads.ts';
