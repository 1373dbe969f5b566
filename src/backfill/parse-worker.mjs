// Worker-thread entry of the parse pool (parse-pool.ts). Plain JS so that node can start it without a
// loader; it registers tsx and then loads the TypeScript implementation.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { parseAndExtract } = await import('./parse-worker-impl.ts');
parentPort.on('message', (message) => parentPort.postMessage(parseAndExtract(message)));
parentPort.postMessage({ ready: true });
