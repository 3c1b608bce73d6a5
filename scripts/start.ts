// `npm start`: builds dist/, then serves the local preview of the add-on on the emulator.
// Options: --port N (or PORT; default 8080), --reset (start again from the sample workbook),
// --empty (a new world starts from one empty sheet instead), --world FILE (default .preview/world.json).
import './script-zone';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {build} from './build';
import {startPreview} from './preview/server';

export const DEFAULT_WORLD = join(__dirname, '..', '.preview', 'world.json');

function portFrom(text: string | undefined): number {
  if (text === undefined || text === '') return 8080;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(
      `--port/PORT must be a port number (0-65535), got "${text}"`,
    );
  return port;
}

async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {
      port: {type: 'string'},
      reset: {type: 'boolean', default: false},
      empty: {type: 'boolean', default: false},
      world: {type: 'string'},
    },
  });
  const port = portFrom(values.port ?? process.env.PORT);
  await build();
  const preview = await startPreview({
    port,
    file: values.world ?? DEFAULT_WORLD,
    reset: values.reset,
    seed: values.empty ? 'empty' : 'sample',
  });
  console.log(`Preview of the add-on: ${preview.url}`);
  console.log(
    `State is saved to ${values.world ?? '.preview/world.json'}; npm start -- --reset starts again from the sample. Ctrl+C stops.`,
  );
  const stop = () => {
    void preview.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: Error & {code?: string}) => {
  console.error(
    err.code === 'EADDRINUSE'
      ? `${err.message}: another program uses that port; try npm start -- --port 8081`
      : err.message,
  );
  process.exit(1);
});
