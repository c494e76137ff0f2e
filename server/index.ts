import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { publicUrlFor, readConfig, type Config } from './config';
import { buildHttpApp } from './http/app';
import { createLogger } from './logger';
import { reveals } from './rooms/reveal';
import { RoomRegistry } from './rooms/RoomRegistry';
import { upgradeHandler } from './rooms/upgrade';
import { SqliteStorage } from './storage/SqliteStorage';
import { closeExports } from './export';

/** Extra bytes ws accepts above our frame limit, so we can close with our own code (4413). */
const TRANSPORT_SLACK_BYTES = 64 * 1024;

// Wiring only: configuration, storage, rooms, HTTP and the WebSocket upgrade, shutdown.
const logger = createLogger();
process.on('uncaughtException', (error) => logger.error({ err: error }, 'uncaught exception'));
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));

const config = readConfigOrExit();
const storage = new SqliteStorage(config.dataDir);
const rooms = new RoomRegistry(storage, logger, config.maxFrameBytes, config);
let boundPort = config.port;

const app = await buildHttpApp({
  config,
  storage,
  logger,
  publicUrl: () => publicUrlFor(config, boundPort),
  closeWorkshop: (workshopId) => rooms.closeWorkshop(workshopId),
  changeWorkshop: (workshopId, change) => rooms.change(workshopId, change),
  readWorkshop: (workshopId, read) => rooms.use(workshopId, async (room) => read(room.doc)),
  reveals: reveals(rooms, storage, logger),
});

const wss = new WebSocketServer({
  noServer: true,
  maxPayload: config.maxFrameBytes + TRANSPORT_SLACK_BYTES,
  perMessageDeflate: false,
});
wss.on('error', (error) => logger.error({ err: error }, 'websocket server error'));
app.server.on('upgrade', upgradeHandler(wss, rooms, storage, logger));

await app.listen({ port: config.port, host: config.host });
boundPort = (app.server.address() as AddressInfo).port;
logger.info({ port: boundPort, host: config.host, dataDir: config.dataDir }, 'listening');

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  try {
    await rooms.shutdown();
    for (const client of wss.clients) client.terminate();
    wss.close();
    await app.close();
    await closeExports();
    await storage.close();
    logger.info('stopped');
    process.exit(0);
  } catch (error) {
    logger.error({ err: error }, 'unclean shutdown');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

/** A configuration mistake stops the start with its reason and a failing exit status, for the supervisor to see. */
function readConfigOrExit(): Config {
  try {
    return readConfig();
  } catch (error) {
    logger.fatal({ err: error }, 'invalid configuration');
    process.exit(1);
  }
}
