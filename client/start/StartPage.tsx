import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES, type Language } from '../../shared/domain/languages';
import type { Template } from '../../shared/domain/roles';
import { ApiError, createWorkshop } from '../api';
import { rememberFacilitated, rememberToken } from '../credentials';
import { setLanguage } from '../i18n';
import { navigate } from '../router';
import { LanguageSwitcher } from '../workshop/LanguageSwitcher';
import { MyWorkshops } from './MyWorkshops';
import { TemplateChooser } from './TemplateChooser';

function errorText(t: (key: string, options?: Record<string, unknown>) => string, error: unknown): string {
  if (error instanceof ApiError && error.code === 'network') return t('errors.network');
  return t('errors.generic', { message: error instanceof Error ? error.message : String(error) });
}

/** The start page: create a workshop, or type a join code. */
export function StartPage() {
  const { t, i18n } = useTranslation();
  const ids = { title: useId(), language: useId(), code: useId(), titleError: useId(), codeError: useId() };
  const [title, setTitle] = useState('');
  const [language, setWorkshopLanguage] = useState<Language>(isLanguage(i18n.language) ? i18n.language : 'da');
  const [template, setTemplate] = useState<Template>('blank');
  const [busy, setBusy] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);

  const onCreate = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) {
      setCreateError(t('start.titleRequired'));
      return;
    }
    setBusy(true);
    setCreateError(null);
    try {
      const created = await createWorkshop(title.trim(), language, template);
      rememberToken(created.id, 'board', created.facilitatorToken);
      rememberToken(created.id, 'projector', created.projectorToken);
      rememberFacilitated({ id: created.id, title: created.title, createdAt: new Date().toISOString() });
      setLanguage(language, false);
      navigate(`/w/${encodeURIComponent(created.id)}`);
    } catch (error) {
      setCreateError(errorText(t, error));
      setBusy(false);
    }
  };

  const onJoin = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = code.trim();
    if (!trimmed) {
      setCodeError(t('start.codeRequired'));
      return;
    }
    navigate(`/join/${encodeURIComponent(trimmed)}`);
  };

  return (
    <div className="page">
      <header className="page-header">
        <p className="brand">
          Flet <span className="tagline">{t('app.tagline')}</span>
        </p>
        <LanguageSwitcher />
      </header>
      <main className="start-grid">
        <section className="card" aria-labelledby="create-heading">
          <h1 id="create-heading">{t('start.createHeading')}</h1>
          <p>{t('start.createLead')}</p>
          <form onSubmit={onCreate} noValidate>
            <label htmlFor={ids.title}>{t('start.titleLabel')}</label>
            <input
              id={ids.title}
              name="title"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              placeholder={t('start.titlePlaceholder')}
              required
              maxLength={200}
              aria-invalid={createError ? true : undefined}
              aria-describedby={createError ? ids.titleError : undefined}
            />
            <label htmlFor={ids.language}>{t('start.languageLabel')}</label>
            <select
              id={ids.language}
              name="language"
              value={language}
              onChange={(e) => isLanguage(e.target.value) && setWorkshopLanguage(e.target.value)}
            >
              {LANGUAGES.map((lang) => (
                <option key={lang} value={lang} lang={lang}>
                  {t(`language.${lang}`)}
                </option>
              ))}
            </select>
            <TemplateChooser value={template} onChange={setTemplate} />
            {createError && (
              <p id={ids.titleError} role="alert" className="error">
                {createError}
              </p>
            )}
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('start.creating') : t('start.create')}
            </button>
          </form>
        </section>
        <section className="card" aria-labelledby="join-heading">
          <h2 id="join-heading">{t('start.joinHeading')}</h2>
          <p>{t('start.joinLead')}</p>
          <form onSubmit={onJoin} noValidate>
            <label htmlFor={ids.code}>{t('start.codeLabel')}</label>
            <input
              id={ids.code}
              name="code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              className="code-input"
              aria-invalid={codeError ? true : undefined}
              aria-describedby={codeError ? ids.codeError : undefined}
            />
            {codeError && (
              <p id={ids.codeError} role="alert" className="error">
                {codeError}
              </p>
            )}
            <button type="submit" className="button">
              {t('start.join')}
            </button>
          </form>
        </section>
        <MyWorkshops />
      </main>
    </div>
  );
}
