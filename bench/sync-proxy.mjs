/**
 * A loopback TCP proxy that holds every chunk for `delayMs` in each direction,
 * in order, like a link with that one-way latency (bandwidth is not limited).
 * Used by sync.bench.mjs; binds 127.0.0.1 only.
 */
import net from 'node:net';

export function startDelayProxy({ targetPort, delayMs }) {
  const sockets = new Set();

  const server = net.createServer((client) => {
    const upstream = net.connect({ host: '127.0.0.1', port: targetPort });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    relay(client, upstream, delayMs);
    relay(upstream, client, delayMs);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: server.address().port,
        close: () => closeAll(server, sockets),
      });
    });
  });
}

// Timers with the same delay fire in the order they were set, so chunks
// (and the final end) keep their order.
function relay(from, to, delayMs) {
  from.on('data', (chunk) => {
    setTimeout(() => {
      if (!to.destroyed) to.write(chunk);
    }, delayMs);
  });
  from.on('end', () => {
    setTimeout(() => {
      if (!to.destroyed) to.end();
    }, delayMs);
  });
  from.on('close', () => {
    setTimeout(() => to.destroy(), delayMs + 1);
  });
}

function closeAll(server, sockets) {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

// Run as its own process (so its event loop does not share a core's time
// slice with the code being measured): prints the port, exits when stdin
// closes, which also happens when the parent dies.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [targetPort, delayMs] = process.argv.slice(2).map(Number);
  const proxy = await startDelayProxy({ targetPort, delayMs });
  process.stdout.write(`${proxy.port}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => proxy.close().then(() => process.exit(0)));
  process.on('SIGTERM', () => proxy.close().then(() => process.exit(0)));
}
