/**
 * The benchmark's floor as a process of its own (`pnpm bench` starts it): the hand-written
 * one-statement server of `bench/floor.ts` on DATABASE_URL, checking tokens signed with JWT_SECRET,
 * with a pool of DB_POOL_MAX connections, on PORT. Tells its parent (IPC) `{ ready: port }`.
 */
import { createFloor } from '../bench/floor.js';
import { loadConfig } from '../config.js';

const config = loadConfig();
if (!config.databaseUrl) throw new Error('DATABASE_URL must be set');
const floor = createFloor({ url: config.databaseUrl, jwt: config.jwt, poolMax: config.dbPoolMax });
const port = await floor.listen(config.port, '127.0.0.1');
process.send?.({ ready: port });
const stop = () => void floor.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Never outlive the benchmark that started it.
process.on('disconnect', () => process.exit(0));
