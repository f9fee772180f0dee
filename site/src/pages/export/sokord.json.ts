export { searchNamesDownload as GET } from '../../lib/routes/downloads.ts';
