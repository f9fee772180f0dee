export { dcatDownload as GET, dcatPaths as getStaticPaths } from '../../lib/routes/downloads.ts';
