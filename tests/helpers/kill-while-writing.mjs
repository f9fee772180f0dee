// Preloaded with node --import into a command that writes into the register:
// kills the process (SIGKILL, as kill -9) right after it opens the Nth file it
// creates exclusively under the register's systems/ folder, so that a test can
// see what a run cut short leaves behind, and what the next run makes of it.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const limit = Number(process.env.KILL_AT_WRITE ?? 3);
const original = fs.openSync;
let count = 0;
fs.openSync = (path, flags, ...rest) => {
  const fd = original(path, flags, ...rest);
  if (flags === 'wx' && String(path).includes('/systems/') && ++count === limit) process.kill(process.pid, 'SIGKILL');
  return fd;
};
syncBuiltinESMExports();
