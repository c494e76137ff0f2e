import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newNoteInFrame, newNoteOnPage, removeNote, updateNoteText } from '../../shared/domain/noteRecords';
import { shownVote } from '../../shared/domain/votes';
import { ErrorPage } from '../ErrorPage';
import { setLanguage, storedLanguage } from '../i18n';
import { isEnded } from '../sync/connection';
import { useConnectedDocument } from '../sync/useConnectedDocument';
import { LanguageSwitcher } from '../workshop/LanguageSwitcher';
import { RefusedNotice } from '../workshop/RefusedNotice';
import { StatusIndicator } from '../workshop/StatusIndicator';
import { useBoardCredentials } from '../workshop/useBoardCredentials';
import { useBoardIdentity } from '../workshop/useBoardIdentity';
import { useDocValue } from '../workshop/useDocValue';
import { useReloadAfterRefusal } from '../workshop/useReloadAfterRefusal';
import { DraftsBox } from '../workshop/privateWriting/DraftsBox';
import { stateOfStep } from '../workshop/privateWriting/privateStep';
import { NoteComposer } from './NoteComposer';
import { myNotesOf, phoneWhereOf } from './phoneFacts';
import { PhoneNotes } from './PhoneNotes';
import { PhoneStep } from './PhoneStep';
import { PhoneVote } from './PhoneVote';
import { chooseBoardView, roleBecameKnown } from './viewChoice';
import './phone.css';

/**
 * The simple view of a workshop for a participant's phone, without the canvas (tldraw is not
 * even downloaded): where the workshop is (gathering, step, question, timer), a box to write a
 * note that lands in the current step's frame for everyone, their own notes to edit or
 * delete, and the vote when one is shown. One column, large targets, live regions.
 */
export function PhonePage({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const { token, info, problem, end } = useBoardCredentials(workshopId, false);
  const { identity, displayName, color } = useBoardIdentity(workshopId, info, false);
  const participant = identity?.role === 'participant' ? identity : null;

  // The facilitator's link opened on a phone: the facilitator gets the canvas.
  useEffect(() => {
    if (identity && identity.role !== 'participant') roleBecameKnown();
  }, [identity]);
  useEffect(() => {
    if (info && !storedLanguage()) setLanguage(info.language, false);
    if (info) document.title = `${info.title} · Flet`;
  }, [info]);

  const session = useConnectedDocument(workshopId, token, participant !== null && !problem, 'shared');
  const privateDocument = useConnectedDocument(workshopId, token, participant !== null && !problem, 'private');
  const privateDoc = privateDocument?.ready ? privateDocument.doc : null;
  const { reloading, reloadNow } = useReloadAfterRefusal(session?.status ?? 'connecting');
  const status = session?.status ?? 'connecting';
  const ended = isEnded(status) ? status : null;
  useEffect(() => {
    if (ended) end(ended === 'deleted' ? 'notFound' : 'unauthorized');
  }, [ended, end]);

  const doc = session?.ready ? session.doc : null;
  const whereText = useDocValue(doc, (d) => JSON.stringify(phoneWhereOf(d))) ?? 'null';
  const where = useMemo(() => JSON.parse(whereText) as ReturnType<typeof phoneWhereOf> | null, [whereText]);
  const participantId = participant?.participantId ?? null;
  const notesText = useDocValue(doc, (d) => (participantId ? JSON.stringify(myNotesOf(d, participantId)) : '[]'), [participantId]) ?? '[]';
  const notes = useMemo(() => JSON.parse(notesText) as ReturnType<typeof myNotesOf>, [notesText]);

  // One polite voice for what changes without the person's asking (a new step) and what
  // they did (a note added, changed, deleted).
  const [told, setTold] = useState('');
  const tell = useCallback((message: string) => {
    // The same sentence twice in a row is still said twice.
    setTold('');
    requestAnimationFrame(() => setTold(message));
  }, []);
  const stepId = where?.step?.id ?? null;
  const seenStep = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!where) return;
    if (seenStep.current !== undefined && seenStep.current !== stepId && where.step) tell(t('phone.stepChanged', { title: where.step.title }));
    seenStep.current = stepId;
  }, [stepId, where, tell, t]);

  // A vote shown to the room is news too.
  const openVote = useDocValue(doc, (d) => {
    const vote = shownVote(d);
    return vote && vote.state === 'open' ? `${vote.id} ${vote.title}` : '';
  }) ?? '';
  const seenVote = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!doc) return;
    if (seenVote.current !== undefined && openVote && openVote !== seenVote.current) tell(t('phone.vote.opened', { title: openVote.slice(openVote.indexOf(' ') + 1) }));
    seenVote.current = openVote;
  }, [doc, openVote, tell, t]);

  if (problem) return <ErrorPage message={t(`errors.${problem}`)} />;

  const addNote = (text: string): string | null => {
    if (!doc || !participant || !where) return t('phone.write.notReady');
    const facts = { text, group: participant.group, participantId: participant.participantId, gatheringId: where.gatheringId };
    const frameId = where.step?.frameId ?? null;
    // In the step's frame; on the gathering's page when no step runs (or its frame was deleted).
    const inFrame = frameId ? newNoteInFrame(doc, { ...facts, frameId, authorName: displayName }) : null;
    const written = inFrame ?? (where.pageId ? newNoteOnPage(doc, { ...facts, pageId: where.pageId }) : null);
    if (!written) return t('phone.write.noPlace');
    tell(t('phone.write.added'));
    return null;
  };
  const saveNote = (id: string, text: string): void => {
    if (doc && updateNoteText(doc, id, text)) tell(t('phone.notes.saved'));
  };
  const deleteNote = (id: string): void => {
    if (doc && removeNote(doc, id)) tell(t('phone.notes.removed'));
  };

  const title = info?.title ?? 'Flet';
  return (
    <div className="phone">
      <header className="phone-header">
        <div className="phone-bar">
          <StatusIndicator status={status} />
          <LanguageSwitcher />
        </div>
        <h1 className="phone-title">{title}</h1>
        {participant && (
          <p className="phone-identity">
            <span className="swatch" style={{ background: color }} aria-hidden="true" />
            {t('phone.you', { name: displayName })}
          </p>
        )}
      </header>
      <main className="phone-main">
        {doc && where && participant ? (
          <>
            <PhoneStep doc={doc} where={where} />
            <PhoneVote shared={doc} privateDoc={privateDoc} />
            {where.step && stateOfStep(where.step) === 'writing' ? (
              // A private step: what the person writes stays in their private document until the reveal.
              <div className="phone-card phone-drafts">
                <DraftsBox key={where.step.id} shared={doc} privateDoc={privateDoc} step={where.step} />
              </div>
            ) : (
              <NoteComposer
                heading={t('phone.write.heading')}
                hint={where.step ? t('phone.write.hintStep', { title: where.step.title }) : t('phone.write.hintPage')}
                addLabel={t('phone.write.add')}
                onAdd={addNote}
              />
            )}
            <PhoneNotes notes={notes} onSave={saveNote} onRemove={deleteNote} />
          </>
        ) : (
          <p className="loading" role="status">
            {t('board.loading')}
          </p>
        )}
        <button type="button" className="phone-button phone-switch" onClick={() => chooseBoardView(workshopId, 'canvas')}>
          {t('phone.openCanvas')}
        </button>
        {reloading && <RefusedNotice onReload={reloadNow} />}
      </main>
      <p className="visually-hidden phone-told" aria-live="polite" aria-atomic="true">
        {told}
      </p>
    </div>
  );
}
