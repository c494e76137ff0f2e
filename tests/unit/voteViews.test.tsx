// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initI18n, setLanguage } from '../../client/i18n';
import { Ballot } from '../../client/workshop/votes/Ballot';
import { VoteResults } from '../../client/workshop/votes/VoteResults';
import { addGathering, setCurrentGathering } from '../../shared/domain/gatherings';
import { addStep, setCurrentStep } from '../../shared/domain/steps';
import { closeVote, openVote, tallyVote, voteOf, writeTally } from '../../shared/domain/votes';
import { recordsOf } from '../../shared/schema';
import { addNote } from '../helpers/board';

declare global {
  // eslint-disable-next-line no-var
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}

/** Two gatherings, a step with three notes in its frame, and a vote on them (budget 2, one dot per note). */
function workshop() {
  const doc = new Y.Doc();
  const nuuk = addGathering(doc, { title: 'Nuuk' });
  const sisimiut = addGathering(doc, { title: 'Sisimiut' });
  setCurrentGathering(doc, nuuk.id);
  const step = addStep(doc, nuuk.id, { title: 'Choose' });
  setCurrentStep(doc, step.id);
  for (const [id, text, x] of [
    ['shape:boats', 'Boats for young hunters', 20],
    ['shape:council', 'A youth council', 260],
    ['shape:harbour', 'A new harbour', 500],
  ] as const) {
    addNote(doc, id, text, { participantId: 'p1', group: 'citizen' }, x, 20);
    recordsOf(doc).get(id)?.set('parentId', step.frameId);
  }
  const voteId = openVote(doc, { title: 'Start with', noteIds: ['shape:boats', 'shape:council', 'shape:harbour'], budget: 2, several: false, stepId: step.id }, 1);
  return { doc, voteId, nuuk, sisimiut };
}

describe('a ballot and a result, as a person reads them', () => {
  let container: HTMLElement;
  let root: Root | null = null;
  beforeAll(() => {
    globalThis.IS_REACT_ACT_ENVIRONMENT = true;
    initI18n();
    setLanguage('en', false);
  });
  afterEach(() => {
    act(() => root?.unmount());
    container?.remove();
  });

  async function render(node: React.ReactNode): Promise<void> {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    await act(async () => root?.render(node));
  }
  /** Lets the views read the documents again (they do once a frame). */
  const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 40)));
  const button = (name: string) => container.querySelector(`button[aria-label="${name}"]`) as HTMLButtonElement;
  const text = () => container.textContent ?? '';

  it('explains a second dot on one note and a closed vote in words, and counts what is left', async () => {
    const { doc, voteId } = workshop();
    const privateDoc = new Y.Doc();
    await render(<Ballot shared={doc} privateDoc={privateDoc} vote={voteOf(doc, voteId)!} />);
    expect(text()).toContain('2 of 2 dots left');
    expect(text()).toContain('one dot per note at most');

    await act(async () => button('Add a dot to A youth council').click());
    await settle();
    expect(text()).toContain('1 of 2 dots left');
    await act(async () => button('Add a dot to A youth council').click());
    await settle();
    expect(container.querySelector('[role="status"]')?.textContent).toBe('In this vote each note can have only one dot from you.');
    expect(text()).toContain('1 of 2 dots left');

    closeVote(doc, voteId);
    await act(async () => root?.render(<Ballot shared={doc} privateDoc={privateDoc} vote={voteOf(doc, voteId)!} />));
    expect(text()).toContain('The vote is closed: your dots count as they are.');
    expect(button('Add a dot to A new harbour').disabled).toBe(true);
  });

  it('waits in words for the private document', async () => {
    const { doc, voteId } = workshop();
    await render(<Ballot shared={doc} privateDoc={null} vote={voteOf(doc, voteId)!} />);
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Your ballot is opening…');
  });

  it('writes out every number of a result by group, and by place when dots came from several gatherings', async () => {
    const { doc, voteId, nuuk, sisimiut } = workshop();
    const vote = voteOf(doc, voteId)!;
    const entry = (noteId: string, gatheringId: string) => ({ voteId, noteId, dots: 1, gatheringId });
    const tally = tallyVote(
      vote,
      [
        { group: 'citizen', entries: [entry('shape:council', nuuk.id), entry('shape:boats', nuuk.id)] },
        { group: 'politician', entries: [entry('shape:council', sisimiut.id)] },
      ],
      2,
    );
    writeTally(doc, voteId, tally);
    await render(<VoteResults shared={doc} vote={voteOf(doc, voteId)!} />);
    expect(container.querySelector('.vote-results-voters')?.textContent).toBe('2 people voted: Politician 1, Citizen 1');
    const rows = [...container.querySelectorAll('.vote-result')].map((row) => row.textContent);
    expect(rows[0]).toContain('A youth council');
    expect(rows[0]).toContain('2 dots in all');
    expect(rows[0]).toContain('Politician: 1 dot');
    expect(rows[0]).toContain('Citizen: 1 dot');
    expect(rows[0]).toContain('Nuuk: 1 dot');
    expect(rows[0]).toContain('Sisimiut: 1 dot');
    expect(rows[1]).toContain('Boats for young hunters');
    expect(rows[1]).toContain('Sisimiut: 0 dots');
    expect(container.querySelectorAll('ul[aria-label="By place"]')).toHaveLength(3);
  });

  it('shows no places when every dot came from one gathering', async () => {
    const { doc, voteId, nuuk } = workshop();
    const vote = voteOf(doc, voteId)!;
    writeTally(doc, voteId, tallyVote(vote, [{ group: 'citizen', entries: [{ voteId, noteId: 'shape:boats', dots: 1, gatheringId: nuuk.id }] }], 2));
    await render(<VoteResults shared={doc} vote={voteOf(doc, voteId)!} />);
    expect(container.querySelectorAll('ul[aria-label="By place"]')).toHaveLength(0);
    expect(container.querySelectorAll('ul[aria-label="By group"]')).toHaveLength(3);
  });
});
