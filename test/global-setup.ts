// Builds dist/ once before the suites, so every bundle test runs the code that would be pushed.
import {build} from '../scripts/build';

export default async function globalSetup(): Promise<void> {
  await build({quiet: true});
}
