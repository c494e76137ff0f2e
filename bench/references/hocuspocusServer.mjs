// Hocuspocus (@hocuspocus/server) with no extensions, on 127.0.0.1 and a given port,
// announcing the bound port like Flet does. Auth still takes one round trip: the client's
// Auth(Token) message is required before anything else is handled.
import { Server } from '@hocuspocus/server';

const server = new Server({
  address: process.env.HOST || '127.0.0.1',
  port: Number(process.env.PORT || 0),
  quiet: true,
  stopOnSignals: false,
});
await server.listen();
process.stdout.write(JSON.stringify({ msg: 'listening', port: server.httpServer.address().port }) + '\n');
process.on('SIGTERM', () => process.exit(0));
