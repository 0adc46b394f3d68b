// SPDX-FileCopyrightText: The LEAD library contributors
// SPDX-License-Identifier: Apache-2.0
//
// PostGraphile V5 for the W2/W3 runs (issue 8): grafserv on Node's http server, in 1..n worker processes sharing one
// port (node:cluster), serving the views of peer-schema.sql. The pool size given is the total over all workers (each
// gets its share), so that PostGraphile holds as many database connections as the library's pool.
//
//   node server.mjs --connection postgres://USER@127.0.0.1:PORT/DB --port 5678 --workers 2 --pool 8
//   (or: npm run cluster -- --connection ... --port 5678 --workers 2 --pool 8)
import cluster from "node:cluster";
import { createServer } from "node:http";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    connection: { type: "string" },
    schema: { type: "string", default: "postgraphile_peer" },
    host: { type: "string", default: "127.0.0.1" },
    port: { type: "string", default: "5678" },
    workers: { type: "string", default: "1" },
    pool: { type: "string", default: "8" },
  },
});
const workers = positive(values.workers, "--workers");
const pool = positive(values.pool, "--pool");
const port = positive(values.port, "--port");
if (!values.connection) {
  fail("--connection postgres://USER@HOST:PORT/DB is required");
}

if (cluster.isPrimary) {
  // the primary only forks and reports; the workers serve (the port is shared through the primary)
  let listening = 0;
  cluster.on("listening", () => {
    listening += 1;
    if (listening === workers) {
      console.log(`PostGraphile ready: ${workers} worker(s), pool ${pool} in all, ` +
        `http://${values.host}:${port}/graphql`);
    }
  });
  cluster.on("exit", (worker, code, signal) => {
    if (!shuttingDown) {
      console.error(`worker ${worker.process.pid} ended (${signal ?? code}); stopping`);
      shutdown(1);
    }
  });
  let shuttingDown = false;
  const shutdown = (code) => {
    shuttingDown = true;
    for (const w of Object.values(cluster.workers)) {
      w.process.kill("SIGTERM");
    }
    setTimeout(() => process.exit(code), 200).unref();
  };
  process.on("SIGTERM", () => shutdown(0));
  process.on("SIGINT", () => shutdown(0));
  for (let i = 0; i < workers; i++) {
    // each worker's share of the pool: the total divided as evenly as it goes
    const share = Math.floor(pool / workers) + (i < pool % workers ? 1 : 0);
    cluster.fork({ PEER_POOL_SHARE: String(Math.max(1, share)) });
  }
} else {
  const { postgraphile } = await import("postgraphile");
  const { PostGraphileAmberPreset } = await import("postgraphile/presets/amber");
  const { makePgService } = await import("postgraphile/adaptors/pg");
  const { grafserv } = await import("postgraphile/grafserv/node");
  const preset = {
    extends: [PostGraphileAmberPreset],
    pgServices: [
      makePgService({
        connectionString: values.connection,
        schemas: [values.schema],
        poolConfig: { max: Number(process.env.PEER_POOL_SHARE) },
      }),
    ],
    grafserv: { port, host: values.host, graphiql: false, watch: false },
    grafast: { explain: false },
  };
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  server.on("error", (e) => fail(`worker ${process.pid}: ${e.message}`));
  await serv.addTo(server);
  server.listen({ port, host: values.host });
  process.on("SIGTERM", async () => {
    server.close();
    await pgl.release();
    process.exit(0);
  });
}

function positive(text, name) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    fail(`${name} must be a whole number of at least 1, not ${JSON.stringify(text)}`);
  }
  return n;
}

function fail(message) {
  console.error(message);
  process.exit(2);
}
