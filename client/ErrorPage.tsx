import { useTranslation } from 'react-i18next';
import { navigate } from './router';

/** A page that only explains what went wrong, in a sentence. */
export function ErrorPage({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <main className="page">
      <h1>Flet</h1>
      <p role="alert" className="error">
        {message}
      </p>
      <p>
        <a
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          {t('errors.home')}
        </a>
      </p>
    </main>
  );
}
