import { defineConfig } from 'astro/config';
import { siteLocation } from '../src/core/site-config.ts';

const { site, base } = siteLocation();

export default defineConfig({
  site,
  base,
  outDir: process.env.SYSTEMFORTECKNING_OUT ?? '../dist',
  trailingSlash: 'always',
  compressHTML: true,
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  vite: { server: { fs: { allow: ['..'] } } },
});
