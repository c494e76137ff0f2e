import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { FACILITATOR, identityKey, PROJECTOR, type Identity } from '../shared/domain/identity';
import type { Storage } from './storage/Storage';

/** Random bytes in tokens: 256 bits, well above the 128 the design asks for. */
export const TOKEN_BYTES = 32;
/** Random bytes in workshop and participant ids: 128 bits. */
export const ID_BYTES = 16;
/** Join codes avoid look-alikes (no 0/O, 1/I/L) so they can be read aloud and typed on a phone. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** Join code length: 7 characters of a 31-letter alphabet is about 34 bits, guarded by a rate limit. */
export const JOIN_CODE_LENGTH = 7;

/** Who holds a token: one workshop, and who they are in it (as stored, never as claimed). */
export interface Session extends Identity {
  workshopId: string;
}

/**
 * Who a session is, as one comparable string: a facilitator's sessions are one person (their
 * tabs and reconnects), a participant is their participant id, and a projector is the room's.
 */
export function identityOf(session: Session): string {
  return `${session.workshopId}/${identityKey(session)}`;
}

/** A fresh unguessable token (base64url). */
export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** A fresh id with 128 random bits (base64url). */
export function newId(): string {
  return randomBytes(ID_BYTES).toString('base64url');
}

/** A fresh join code from the look-alike-free alphabet. */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** Join codes are case-insensitive and may be typed with spaces or dashes. */
export function normalizeJoinCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

/** The only form in which tokens are stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * The projector token is derived from the facilitator token, so a facilitator can be shown
 * the projector link again later while the server still stores only hashes.
 */
export function projectorTokenFor(facilitatorToken: string, workshopId: string): string {
  return createHmac('sha256', facilitatorToken).update(`projector:${workshopId}`).digest('base64url');
}

/** Compares two secrets in constant time (their hashes, so lengths never leak either). */
export function sameSecret(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** Reads the token from an `Authorization: Bearer <token>` header. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

/** Resolves a token to its session, or undefined when it belongs to nobody. */
export async function authenticate(storage: Storage, token: string | undefined): Promise<Session | undefined> {
  if (!token || token.length > 200) return undefined;
  const record = await storage.findToken(hashToken(token));
  if (!record) return undefined;
  const { workshopId } = record;
  if (record.role === 'facilitator') return { ...FACILITATOR, workshopId };
  if (record.role === 'projector') return { ...PROJECTOR, workshopId };
  const participant = record.participantId ? await storage.getParticipant(record.participantId) : undefined;
  if (!participant || participant.workshopId !== workshopId) return undefined;
  return { role: 'participant', participantId: participant.id, group: participant.group, name: participant.name, workshopId };
}
