import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isGroup, type Group } from '../../../shared/domain/groups';
import { narrativeEditorsOf, setNarrativeEditor } from '../../../shared/domain/rights';
import { participantsOf } from '../../../shared/schema';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';
import { GroupChip } from './PassageMargin';

interface Candidate {
  id: string;
  name: string | null;
  group: Group | null;
  editor: boolean;
}

function candidatesOf(doc: Parameters<typeof participantsOf>[0]): Candidate[] {
  const editors = new Set(narrativeEditorsOf(doc));
  const list: Candidate[] = [];
  participantsOf(doc).forEach((value, id) => {
    const listed = (typeof value === 'object' && value !== null ? value : {}) as { name?: unknown; group?: unknown };
    list.push({ id, name: typeof listed.name === 'string' && listed.name ? listed.name : null, group: isGroup(listed.group) ? listed.group : null, editor: editors.has(id) });
  });
  return list.sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff') || (a.id < b.id ? -1 : 1));
}

/** The facilitator names the working group: the participants who may edit the narrative. */
export function NarrativeEditors() {
  const { t } = useTranslation();
  const { doc } = useWorkshop();
  const candidates = useDocValue(doc, candidatesOf) ?? [];
  // The document is read again a frame after a change; till then a box shows what was ticked.
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  useEffect(() => setTicked({}), [candidates]);
  const tick = (id: string, editor: boolean): void => {
    setTicked((current) => ({ ...current, [id]: editor }));
    setNarrativeEditor(doc, id, editor);
  };
  return (
    <section className="narrative-box" aria-labelledby="narrative-editors-heading">
      <h3 id="narrative-editors-heading">{t('narrative.editors.title')}</h3>
      <p className="hint">{t('narrative.editors.explain')}</p>
      {candidates.length === 0 ? (
        <p className="hint">{t('narrative.editors.nobody')}</p>
      ) : (
        <ul className="narrative-list narrative-editors">
          {candidates.map((candidate) => (
            <li key={candidate.id}>
              <label className="narrative-check">
                <input type="checkbox" checked={ticked[candidate.id] ?? candidate.editor} onChange={(event) => tick(candidate.id, event.target.checked)} />
                <span>{candidate.name ?? t('narrative.editors.anonymous', { code: candidate.id.slice(-4) })}</span>
                {candidate.group && <GroupChip group={candidate.group} />}
              </label>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
