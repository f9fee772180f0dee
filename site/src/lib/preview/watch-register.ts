// The live preview's watcher (npm run dev): a saved change anywhere in the
// register makes the pages load it again and every open page reload. Vite
// watches the site's own sources; the register lies outside them. While the
// register has errors, every page answers with them, located and in Swedish,
// before Astro tries to render anything from it.
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { formatText } from '#core/findings/findings.ts';
import { openRegister } from '#core/model/open-register.ts';
import { todayIso } from '#core/text/dates.ts';
import { keepOpenedInPreview, noteRegisterEdit, registerEdits } from './register-edits.ts';
import { registerErrorsPage } from './errors-page.ts';

export function watchRegister(registryDir: string, base: string, log: (line: string) => void = console.log): Plugin {
  let checked: { edits: number; errors: string[] } | undefined;
  /** The register's errors as of the latest save, checked once per save. */
  const currentErrors = () => {
    if (checked?.edits !== registerEdits()) {
      const today = todayIso();
      const register = openRegister(registryDir, { today, cwd: process.cwd() });
      keepOpenedInPreview(`${registryDir} ${today}`, register);
      const { findings } = register;
      checked = { edits: registerEdits(), errors: findings.filter((finding) => finding.severity === 'error').map(formatText) };
    }
    return checked.errors;
  };
  return {
    name: 'systemforteckning:watch-register',
    apply: 'serve',
    configureServer(server) {
      // Node's own watchers, not Vite's: Vite's drops a save that follows
      // another within moments, and a lost save is a stale preview (watchFolders below).
      // Started by the first page request: Vite servers that serve no pages
      // (the component tests load this configuration too) watch nothing.
      let watcher: { close(): void } | undefined;
      let reload: NodeJS.Timeout | undefined;
      const startWatching = () => {
        watcher = watchFolders(registryDir, (file) => {
          noteRegisterEdit();
          clearTimeout(reload);
          reload = setTimeout(() => {
            log(`Registret ändrades (${join(relative(process.cwd(), registryDir), file)}); sidorna läses om.`);
            // Astro keeps each route's getStaticPaths result (the pages' props);
            // the event its content layer sends on a change clears that cache.
            for (const [name, environment] of Object.entries(server.environments)) {
              if (name !== 'client') environment.hot.send('astro:content-changed', {});
            }
            server.environments.client.hot.send({ type: 'full-reload', path: '*' });
          }, 50);
        });
        server.httpServer?.once('close', () => watcher?.close());
      };
      server.middlewares.use((request, response, next) => {
        if (request.method !== 'GET' || !/\/(?:\?.*)?$/.test(request.url ?? '')) return next();
        if (!watcher) startWatching();
        const errors = currentErrors();
        if (errors.length === 0) return next();
        void registerErrorsPage(errors, base)
          .text()
          .then((html) => {
            response.writeHead(500, { 'content-type': 'text/html; charset=utf-8' });
            response.end(html);
          });
      });
    },
  };
}

/**
 * Calls `changed` with the path (from `root`) of whatever changes in the
 * folder or a folder below it. One watcher per folder, not Node's recursive
 * one: on Linux that follows each file's inode and goes deaf to a file
 * replaced by rename, which is how vim, `sed -i` and many editors save (after
 * the first such save, the next were lost). A folder's watcher sees the name
 * every time. Hidden folders (.git) are not watched.
 */
export function watchFolders(root: string, changed: (file: string) => void): { close(): void } {
  const watchers = new Map<string, FSWatcher>();
  /** A folder to watch: not hidden, and still there. */
  const watchable = (path: string, name: string) => {
    if (name.startsWith('.')) return false;
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  };
  const add = (folder: string) => {
    // A folder removed and made again is a new folder: its old watcher hears nothing.
    watchers.get(folder)?.close();
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, (_event, name) => {
        const path = name ? join(folder, name) : folder;
        if (name && watchable(path, name)) add(path);
        changed(relative(root, path));
      });
    } catch {
      watchers.delete(folder);
      return;
    }
    watcher.on('error', () => {
      watcher.close();
      if (watchers.get(folder) === watcher) watchers.delete(folder);
    });
    watchers.set(folder, watcher);
    let entries: string[] = [];
    try {
      entries = readdirSync(folder);
    } catch {
      // Gone again already; its parent's watcher says so.
    }
    for (const name of entries) if (watchable(join(folder, name), name)) add(join(folder, name));
  };
  add(root);
  return {
    close: () => {
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
