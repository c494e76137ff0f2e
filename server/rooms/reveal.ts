import type { Logger } from 'pino';
import type * as Y from 'yjs';
import { clearRevealedDrafts, draftsOf, revealDrafts, revealProblem, type AuthoredDrafts } from '../../shared/domain/drafts';
import { ballotOf, tallyVote, voteOf, writeTally, type CountedBallot, type VoteTally } from '../../shared/domain/votes';
import type { ParticipantRecord, Storage } from '../storage/Storage';
import type { PrivateDocument } from './PrivateDocument';
import type { Room } from './Room';
import type { RoomRegistry } from './RoomRegistry';

/** Why a reveal did not happen (the HTTP layer answers 404 or 409). */
export type RevealRefusal = 'unknown_step' | 'not_private' | 'already_revealed' | 'no_frame' | 'unknown_vote';

export type StepReveal = { revealed: number } | { refusal: RevealRefusal };
export type VoteReveal = { tally: VoteTally } | { refusal: RevealRefusal };

/** The server's reveals, as the HTTP layer asks for them. */
export interface Reveals {
  /** Moves every participant's drafts of a private step into the shared document. */
  step(workshopId: string, stepId: string, anonymous: boolean): Promise<StepReveal>;
  /** Counts every participant's ballots of a vote and writes the tally. */
  vote(workshopId: string, voteId: string): Promise<VoteReveal>;
}

/**
 * Reveals read every participant's private document (loaded from storage when it is not in
 * memory) and write through the same store-before-relay path as any client: first the shared
 * document, then each private one. Between reading the private documents and writing the
 * shared one nothing else runs, so a second reveal at the same moment finds it done.
 */
export function reveals(registry: RoomRegistry, storage: Storage, logger: Logger): Reveals {
  return {
    step: (workshopId, stepId, anonymous) =>
      registry.use(workshopId, async (room) => {
        const refusal = stepRefusal(room.doc, stepId);
        if (refusal) return { refusal };
        const documents = await privateDocumentsOf(room, await storage.listParticipants(workshopId));
        // Read again: the step may have changed while the private documents were loading.
        const again = stepRefusal(room.doc, stepId);
        if (again) return { refusal: again };
        const authored: AuthoredDrafts[] = [];
        const moved: PrivateDocument[] = [];
        for (const { participant, document } of documents) {
          const drafts = draftsOf(document.doc, stepId);
          if (drafts.length === 0) continue;
          authored.push({ participantId: participant.id, group: participant.group, name: participant.name, drafts });
          moved.push(document);
        }
        let revealed = 0;
        await room.change((doc) => {
          revealed = revealDrafts(doc, stepId, authored, { anonymous, now: Date.now() });
        });
        // The notes are stored and everyone has them: only now do the drafts leave their writers.
        const cleared = await Promise.allSettled(moved.map((document) => document.change((doc) => clearRevealedDrafts(doc, stepId))));
        const failed = cleared.filter((result) => result.status === 'rejected').length;
        if (failed > 0) logger.error({ workshopId, failed }, 'could not clear revealed drafts');
        logger.info({ workshopId, revealed, writers: authored.length, anonymous }, 'private step revealed');
        return { revealed };
      }),
    vote: (workshopId, voteId) =>
      registry.use(workshopId, async (room) => {
        const refusal = voteRefusal(room.doc, voteId);
        if (refusal) return { refusal };
        const documents = await privateDocumentsOf(room, await storage.listParticipants(workshopId));
        const vote = voteOf(room.doc, voteId);
        const again = voteRefusal(room.doc, voteId);
        if (again || !vote) return { refusal: again ?? 'unknown_vote' };
        const ballots: CountedBallot[] = [];
        for (const { participant, document } of documents) {
          const entries = ballotOf(document.doc, voteId);
          if (entries.length > 0) ballots.push({ group: participant.group, entries });
        }
        const tally = tallyVote(vote, ballots, Date.now());
        await room.change((doc) => writeTally(doc, voteId, tally));
        logger.info({ workshopId, voters: tally.voters }, 'vote revealed');
        return { tally };
      }),
  };
}

/** Every participant's private document, loaded. */
async function privateDocumentsOf(
  room: Room,
  participants: ParticipantRecord[],
): Promise<Array<{ participant: ParticipantRecord; document: PrivateDocument }>> {
  return Promise.all(participants.map(async (participant) => ({ participant, document: await room.privates.open(participant.id) })));
}

function stepRefusal(doc: Y.Doc, stepId: string): RevealRefusal | null {
  switch (revealProblem(doc, stepId)) {
    case null:
      return null;
    case 'unknown-step':
      return 'unknown_step';
    case 'not-private':
      return 'not_private';
    case 'already-revealed':
      return 'already_revealed';
    case 'no-frame':
      return 'no_frame';
  }
}

function voteRefusal(doc: Y.Doc, voteId: string): RevealRefusal | null {
  const vote = voteOf(doc, voteId);
  if (!vote) return 'unknown_vote';
  return vote.state === 'revealed' ? 'already_revealed' : null;
}
