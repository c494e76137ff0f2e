import path from 'node:path';
import { DEFAULT_MAX_FRAME_BYTES } from '../shared/protocol/limits';
import { DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_SHAPES_PER_MINUTE } from './rooms/DocumentLimits';

/** Default HTTP + WebSocket port (CONTRACT.md). */
export const DEFAULT_PORT = 8080;
/** Default bind address (CONTRACT.md). */
export const DEFAULT_HOST = '0.0.0.0';
/** Default directory of the embedded SQLite storage, relative to the working directory. */
export const DEFAULT_DATA_DIR = './data';

/** How often sockets are pinged; one that has not answered by the next round is dropped. */
export const DEFAULT_PING_INTERVAL_MS = 30_000;
/** How long an empty room stays loaded (a reload of the page should not reload the room). */
export const DEFAULT_UNLOAD_GRACE_MS = 10_000;
/** Most participants one workshop takes: a large town-hall meeting, with room to spare. */
export const DEFAULT_MAX_PARTICIPANTS = 2_000;
/** Who may show Flet in a frame, by default: no one (clickjacking a facilitator's board). */
export const DEFAULT_FRAME_ANCESTORS: readonly string[] = ["'none'"];

/** Everything the server reads from its environment, parsed once at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Base of links and QR codes; undefined means "derive from the bound address". */
  publicUrl: string | undefined;
  /** When set, creating a workshop needs `Authorization: Bearer <adminToken>`. */
  adminToken: string | undefined;
  /** Largest WebSocket frame accepted; a bigger one closes that socket. */
  maxFrameBytes: number;
  /** Directory of the built client, served when it exists (FLET_CLIENT_DIR, default dist/client). */
  clientDir: string;
  /** How often sockets are pinged (FLET_PING_INTERVAL_MS; tests shorten it). */
  pingIntervalMs: number;
  /** How long an empty room stays loaded (FLET_UNLOAD_GRACE_MS; tests shorten it). */
  unloadGraceMs: number;
  /** Behind a reverse proxy (FLET_TRUST_PROXY=1) the client address comes from X-Forwarded-For. */
  trustProxy: boolean;
  /** Most participants one workshop takes (FLET_MAX_PARTICIPANTS). */
  maxParticipants: number;
  /** Largest stored document of one workshop, in bytes (FLET_MAX_DOCUMENT_BYTES). */
  maxDocumentBytes: number;
  /** Most canvas records one person creates per minute (FLET_MAX_SHAPES_PER_MINUTE). */
  shapesPerMinute: number;
  /** Sources of the Content-Security-Policy's frame-ancestors (FLET_FRAME_ANCESTORS, space-separated). */
  frameAncestors: readonly string[];
}

/** Reads the configuration from environment variables (CONTRACT.md, "Configuration"). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: parseInteger(env.PORT, DEFAULT_PORT, 'PORT'),
    host: nonEmpty(env.HOST) ?? DEFAULT_HOST,
    dataDir: path.resolve(nonEmpty(env.FLET_DATA_DIR) ?? DEFAULT_DATA_DIR),
    publicUrl: nonEmpty(env.FLET_PUBLIC_URL)?.replace(/\/+$/, ''),
    adminToken: nonEmpty(env.FLET_ADMIN_TOKEN),
    maxFrameBytes: parseInteger(env.FLET_MAX_FRAME_BYTES, DEFAULT_MAX_FRAME_BYTES, 'FLET_MAX_FRAME_BYTES'),
    clientDir: path.resolve(nonEmpty(env.FLET_CLIENT_DIR) ?? 'dist/client'),
    pingIntervalMs: parseInteger(env.FLET_PING_INTERVAL_MS, DEFAULT_PING_INTERVAL_MS, 'FLET_PING_INTERVAL_MS'),
    unloadGraceMs: parseInteger(env.FLET_UNLOAD_GRACE_MS, DEFAULT_UNLOAD_GRACE_MS, 'FLET_UNLOAD_GRACE_MS'),
    trustProxy: nonEmpty(env.FLET_TRUST_PROXY) === '1',
    maxParticipants: parseInteger(env.FLET_MAX_PARTICIPANTS, DEFAULT_MAX_PARTICIPANTS, 'FLET_MAX_PARTICIPANTS'),
    maxDocumentBytes: parseInteger(env.FLET_MAX_DOCUMENT_BYTES, DEFAULT_MAX_DOCUMENT_BYTES, 'FLET_MAX_DOCUMENT_BYTES'),
    shapesPerMinute: parseInteger(env.FLET_MAX_SHAPES_PER_MINUTE, DEFAULT_SHAPES_PER_MINUTE, 'FLET_MAX_SHAPES_PER_MINUTE'),
    frameAncestors: parseFrameAncestors(env.FLET_FRAME_ANCESTORS),
  };
}

/** The public base URL: configured, or the bound address (a wildcard host reads as localhost). */
export function publicUrlFor(config: Config, boundPort: number): string {
  if (config.publicUrl) return config.publicUrl;
  const wildcard = config.host === '0.0.0.0' || config.host === '::';
  const host = wildcard ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${host}:${boundPort}`;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}

function parseInteger(value: string | undefined, fallback: number, name: string): number {
  const text = nonEmpty(value);
  if (text === undefined) return fallback;
  const parsed = Number(text);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${text}"`);
  }
  return parsed;
}

/** A CSP source expression: a scheme (`https:`), or a host with optional scheme, port and path. */
const SOURCE_EXPRESSION =
  /^(?:[a-z][a-z0-9+.-]*:|(?:[a-z][a-z0-9+.-]*:\/\/)?(?:\*|(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::(?:\d+|\*))?(?:\/[^\s;,'"]*)?)$/i;

/**
 * Reads FLET_FRAME_ANCESTORS. Keywords may be written with or without their quotes, because
 * the quotes are easy to lose in a shell or a compose file; anything else must be a source
 * expression, so a typo fails at start instead of silently forbidding every frame.
 */
export function parseFrameAncestors(value: string | undefined): readonly string[] {
  const text = nonEmpty(value);
  if (text === undefined) return DEFAULT_FRAME_ANCESTORS;
  const sources = text.split(/\s+/).map((source) => {
    const keyword = source.replace(/^'(.*)'$/, '$1').toLowerCase();
    if (keyword === 'none' || keyword === 'self') return `'${keyword}'`;
    if (!SOURCE_EXPRESSION.test(source)) {
      throw new Error(`FLET_FRAME_ANCESTORS must list sources such as 'self' or https://intranet.example.org, got "${source}"`);
    }
    return source;
  });
  if (sources.includes("'none'") && sources.length > 1) {
    throw new Error(`FLET_FRAME_ANCESTORS may hold 'none' only on its own, got "${text}"`);
  }
  return [...new Set(sources)];
}
