export { jsonDownload as GET } from '../../lib/routes/downloads.ts';
