import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '../../../shared/domain/statements';
import { keptToken } from '../../credentials';
import { useWorkshop } from '../WorkshopContext';
import { importStatements, type ImportResult } from './importStatements';
import './importing.css';

type TFunction = ReturnType<typeof useTranslation>['t'];

/** The server's problem in the reader's language: where (line, note or file) and what. */
function problemSentence(t: TFunction, problem: ImportProblem): string {
  const where =
    problem.at === null ? t('importing.at.file') : 'line' in problem.at ? t('importing.at.line', { line: problem.at.line }) : t('importing.at.note', { index: problem.at.index });
  return t('importing.problem', { where, what: t(`importing.reasons.${problem.reason}`, { value: problem.value ?? '' }) });
}

function resultSentence(t: TFunction, result: ImportResult): { ok: boolean; text: string } {
  if ('imported' in result) return { ok: true, text: t('importing.imported', { count: result.imported }) };
  if ('problem' in result) return { ok: false, text: problemSentence(t, result.problem) };
  if (result.failure === 'too-large') return { ok: false, text: t('importing.tooLarge') };
  if (result.failure === 'network') return { ok: false, text: t('importing.network') };
  return { ok: false, text: t('importing.failed', { message: result.message ?? '' }) };
}

/**
 * The facilitator brings in statements collected before the workshop (interviews on home
 * ground, a survey) from a CSV or JSON file; they become notes on their gathering's page for
 * everyone. All or nothing: a wrong line is named and nothing is imported.
 */
export function ImportStatements() {
  const { t } = useTranslation();
  const { workshopId, identity } = useWorkshop();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  if (identity.role !== 'facilitator') return null;

  const send = async (): Promise<void> => {
    const file = input.current?.files?.[0];
    if (!file) {
      setOutcome({ ok: false, text: t('importing.chooseFile') });
      input.current?.focus();
      return;
    }
    const token = keptToken(workshopId, 'board');
    if (!token) return;
    setBusy(true);
    setOutcome(null);
    const result = await importStatements(workshopId, file, token);
    setBusy(false);
    setOutcome(resultSentence(t, result));
    if ('imported' in result && input.current) input.current.value = '';
  };

  return (
    <section className="import-statements" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('importing.heading')}</h3>
      <p className="hint" id={`${id}-lead`}>
        {t('importing.lead')}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <label htmlFor={`${id}-file`}>{t('importing.file')}</label>
        <input
          ref={input}
          id={`${id}-file`}
          type="file"
          accept=".csv,.json,text/csv,application/json"
          aria-describedby={`${id}-lead`}
          onChange={() => setOutcome(null)}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('importing.submit')}
        </button>
      </form>
      {/* Spoken as it changes; not role=status, which the panel keeps for its own news. */}
      <p aria-live="polite" className="import-progress">
        {busy ? t('importing.sending') : outcome?.ok ? outcome.text : ''}
      </p>
      {outcome && !outcome.ok && (
        <p role="alert" className="error import-problem">
          {outcome.text}
        </p>
      )}
    </section>
  );
}
