export { unitFeedDownload as GET, unitFeedPaths as getStaticPaths } from '../../../lib/routes/downloads.ts';
