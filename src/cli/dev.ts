// npm run dev [-- --port 4321] [--registry <mapp>] [--audience intern]
// A live preview for people editing the register locally: the site served
// from the register as it is on disk, updated when a file is saved.
import { defineCommand, runMain } from './command.ts';
import { portOption, SERVE_OPTIONS } from './serve.ts';
import { audienceOption } from './build.ts';
import { startPreview } from '../build/preview.ts';
import { checkRegisterFolder } from '../core/reading/load.ts';

const { port, audience, base } = SERVE_OPTIONS;

export const main = defineCommand({
  name: 'dev',
  description: 'Förhandsvisar webbplatsen medan du redigerar registret: sidorna visar filerna som de är sparade, och fel visas på sidan.',
  options: { port, audience, base },
  registry: true,
  async run({ values, registry, io, print }) {
    // The preview reads the register on each page; a folder that is not there is said now, not on the first page.
    checkRegisterFolder(registry, io.cwd);
    const preview = await startPreview({
      registry,
      port: portOption(values.port, io.env),
      audience: audienceOption(values.audience),
      base: values.base,
    });
    print(`Förhandsvisningen visas på ${preview.url}  (avsluta med Ctrl+C)`);
    print('Spara en fil i registret så visas ändringen; fel i registret visas på sidan.');
    await new Promise<void>((resolve) => {
      const stop = () => void preview.stop().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
});

if (import.meta.main) await runMain(main);
