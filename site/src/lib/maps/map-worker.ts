// A worker thread that lays out dependency maps (views/map-layouts.ts sends
// it neighbourhoods, it sends back the laid-out maps): dagre is the build's
// costliest step, and the build has cores to spare while it renders pages.
import { parentPort } from 'node:worker_threads';
import { layoutMap, type Draft } from './dependency-map.ts';

parentPort?.on('message', (jobs: { draft: Draft; direction: 'TB' | 'LR' }[]) => {
  parentPort?.postMessage(jobs.map(({ draft, direction }) => layoutMap(draft, direction)));
});
