// A worker thread that lays out dependency maps (views/map-layouts.ts sends
// it neighbourhoods, it sends back the laid-out maps): dagre is the build's
// costliest step, and the build has cores to spare while it renders pages.
import { parentPort } from 'node:worker_threads';
import { layoutJob, type Job } from './map-layouts.ts';

parentPort?.on('message', async (jobs: Job[]) => {
  parentPort?.postMessage(await Promise.all(jobs.map(layoutJob)));
});
