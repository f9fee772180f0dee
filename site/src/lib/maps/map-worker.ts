// A worker thread that lays out dependency maps (lib/maps/map-layouts.ts sends
// it förvaltningar's drafts and the shapes of systems' maps, it sends back
// the maps and the shapes' placements): the layouts are the build's costliest
// step, and the build has a core to spare while it renders pages.
import { parentPort } from 'node:worker_threads';
import { layoutJob, type Job } from './map-layouts.ts';

parentPort?.on('message', async (jobs: Job[]) => {
  parentPort?.postMessage(await Promise.all(jobs.map(layoutJob)));
});
