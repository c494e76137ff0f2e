import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fetchWorkshop } from '../api';
import { facilitatedWorkshops, forgetWorkshop, keptToken, type FacilitatedWorkshop } from '../credentials';
import { navigate } from '../router';
import { dateLocale } from '../workshop/gatherings/gatheringFacts';
import './myWorkshops.css';

function formatDay(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'long' }).format(date);
}

/**
 * The workshops this browser facilitates, to reopen one for the next gathering. A workshop
 * the server no longer has is forgotten when the list is shown; offline, the list stays.
 */
export function MyWorkshops() {
  const { t, i18n } = useTranslation();
  const [workshops, setWorkshops] = useState<FacilitatedWorkshop[]>(facilitatedWorkshops);

  useEffect(() => {
    let alive = true;
    for (const workshop of facilitatedWorkshops()) {
      const token = keptToken(workshop.id, 'board');
      if (!token) continue;
      fetchWorkshop(workshop.id, token).catch((error: unknown) => {
        if (!alive || !(error instanceof ApiError) || error.status !== 404) return;
        forgetWorkshop(workshop.id);
        setWorkshops(facilitatedWorkshops());
      });
    }
    return () => {
      alive = false;
    };
  }, []);

  if (workshops.length === 0) return null;
  return (
    <section className="card my-workshops" aria-labelledby="my-workshops-heading">
      <h2 id="my-workshops-heading">{t('facilitator.mine.heading')}</h2>
      <p>{t('facilitator.mine.lead')}</p>
      <ul className="my-workshops-list">
        {workshops.map((workshop) => {
          const href = `/w/${encodeURIComponent(workshop.id)}`;
          return (
            <li key={workshop.id} className="my-workshops-item">
              <span className="my-workshops-title">{workshop.title}</span>
              <span className="my-workshops-created">{t('facilitator.mine.created', { date: formatDay(workshop.createdAt, i18n.language) })}</span>
              <a
                className="button-quiet my-workshops-open"
                href={href}
                aria-label={t('facilitator.mine.openLabel', { title: workshop.title })}
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                  event.preventDefault();
                  navigate(href);
                }}
              >
                {t('facilitator.mine.open')}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
