export { xlsxDownload as GET } from '../../lib/routes/downloads.ts';
