// Worker thread entry of the batch pool: loads the TypeScript sources through tsx (worker
// threads do not inherit the main thread's loader), then hands tasks to worker.ts.
import { register } from 'tsx/esm/api';

register();
const { default: handle } = await import('./worker.ts');
export default handle;
