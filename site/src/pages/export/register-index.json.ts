export { registerIndexDownload as GET } from '../../lib/routes/downloads.ts';
