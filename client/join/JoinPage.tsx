import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUP_STYLES, GROUPS, type Group } from '../../shared/domain/groups';
import { ApiError, joinWorkshop } from '../api';
import { joinedWith, rememberJoin } from '../credentials';
import { navigate } from '../router';
import { LanguageSwitcher } from '../workshop/LanguageSwitcher';

/** `/join/:code`: an optional name and a stakeholder group, then the board. */
export function JoinPage({ code }: { code: string }) {
  const { t } = useTranslation();
  const ids = { name: useId(), error: useId(), groupError: useId() };
  const [name, setName] = useState('');
  const [group, setGroup] = useState<Group | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [groupError, setGroupError] = useState<string | null>(null);
  const previous = joinedWith(code);

  useEffect(() => {
    // Rejoining from the same browser keeps the same participant.
    if (previous) navigate(`/w/${encodeURIComponent(previous.workshopId)}`, { replace: true });
  }, [previous]);

  if (previous) {
    return (
      <p className="loading" role="status">
        {t('join.rejoining')}
      </p>
    );
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!group) {
      setGroupError(t('join.groupRequired'));
      return;
    }
    setGroupError(null);
    setError(null);
    setBusy(true);
    try {
      const joined = await joinWorkshop(code, name.trim() || undefined, group);
      rememberJoin(code, joined);
      navigate(`/w/${encodeURIComponent(joined.workshopId)}`);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 404) setError(t('errors.wrongCode', { code }));
      else if (err instanceof ApiError && err.status === 429) setError(t('errors.tooMany'));
      else if (err instanceof ApiError && err.code === 'network') setError(t('errors.network'));
      else setError(t('errors.generic', { message: err instanceof Error ? err.message : String(err) }));
    }
  };

  return (
    <div className="page">
      <header className="page-header">
        <p className="brand">Flet</p>
        <LanguageSwitcher />
      </header>
      <main className="card join-card">
        <h1>{t('join.heading')}</h1>
        <p>{t('join.lead')}</p>
        <form onSubmit={onSubmit} noValidate>
          <label htmlFor={ids.name}>{t('join.nameLabel')}</label>
          <input id={ids.name} name="name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="nickname" maxLength={80} />
          <fieldset aria-describedby={groupError ? ids.groupError : undefined}>
            <legend>{t('join.groupLegend')}</legend>
            <div className="groups">
              {GROUPS.map((g) => (
                <label key={g} className="group-option" data-group={g}>
                  <input type="radio" name="group" value={g} checked={group === g} onChange={() => {
                      setGroup(g);
                      setGroupError(null);
                    }} />
                  <span className="swatch" style={{ background: GROUP_STYLES[g].hex }} aria-hidden="true" />
                  {t(`groups.${g}`)}
                </label>
              ))}
            </div>
          </fieldset>
          {groupError && (
            <p id={ids.groupError} role="alert" className="error">
              {groupError}
            </p>
          )}
          {error && (
            <p id={ids.error} role="alert" className="error">
              {error}
            </p>
          )}
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('join.joining') : t('join.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
