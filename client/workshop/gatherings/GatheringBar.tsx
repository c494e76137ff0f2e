import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { activeGatheringsOf, currentGatheringId, setCurrentGathering, type Gathering } from '../../../shared/domain/gatherings';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';
import { gatheringFacts } from './gatheringFacts';
import { useFollowCurrentGathering } from './useFollowCurrentGathering';
import { goToGathering, useGatheringHere } from './useGatheringHere';
import './gatherings.css';

/**
 * Which gathering this person is in (title, place, day), always in view, and the way to any
 * other in one click. The facilitator's current gathering is marked; the facilitator makes
 * the one they are in current for everyone. Before there are gatherings, it says so.
 */
export function GatheringBar() {
  const { t, i18n } = useTranslation();
  const { doc, editor, identity, setPanel, setView } = useWorkshop();
  const gatherings = useDocValue(doc, activeGatheringsOf) ?? [];
  const currentId = useDocValue(doc, currentGatheringId) ?? null;
  const here = useGatheringHere();
  const { offered, movedTo, dismiss } = useFollowCurrentGathering();
  const facilitator = identity.role === 'facilitator';
  // On a phone the gatherings scroll sideways: the one this person is in stays in view.
  const switcher = useRef<HTMLUListElement>(null);
  useEffect(() => {
    switcher.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [here?.id, gatherings.length]);

  const go = (gathering: Gathering): void => {
    setView('board');
    goToGathering(editor, gathering);
    dismiss();
  };

  if (gatherings.length === 0 && !here) {
    return (
      <section className="gathering-bar" aria-label={t('gatherings.bar.label')}>
        <p className="gathering-bar-empty">{facilitator ? t('gatherings.bar.noneYet') : t('gatherings.bar.noneYetParticipant')}</p>
        {facilitator && (
          <button type="button" className="gathering-bar-button" onClick={() => setPanel('gatherings')}>
            {t('gatherings.bar.setUp')}
          </button>
        )}
      </section>
    );
  }

  const facts = here ? gatheringFacts(here, i18n.language) : '';
  const showOffer = offered && offered.id !== here?.id;
  return (
    <section className="gathering-bar" aria-label={t('gatherings.bar.label')}>
      <p className="gathering-here" data-testid="gathering-here">
        <span className="gathering-here-label">{t('gatherings.bar.youAreIn')}</span>{' '}
        <strong className="gathering-here-title">{here ? here.title : t('gatherings.bar.outside')}</strong>
        {here?.archived && <span className="gathering-tag"> {t('gatherings.bar.archived')}</span>}
        {facts && <span className="gathering-here-facts"> · {facts}</span>}
        {here && here.id === currentId && <span className="gathering-now">{t('gatherings.bar.now')}</span>}
      </p>
      {(gatherings.length > 1 || !gatherings.some((gathering) => gathering.id === here?.id)) && (
        <ul ref={switcher} className="gathering-switch" aria-label={t('gatherings.bar.switch')}>
          {gatherings.map((gathering) => (
            <li key={gathering.id}>
              <button
                type="button"
                className="gathering-switch-button"
                aria-current={gathering.id === here?.id ? 'true' : undefined}
                onClick={() => go(gathering)}
              >
                {gathering.title}
                {gathering.id === currentId && (
                  <>
                    <span className="gathering-now-dot" aria-hidden="true" />
                    <span className="visually-hidden"> ({t('gatherings.bar.now')})</span>
                  </>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
      {facilitator && here && !here.archived && here.id !== currentId && (
        <button type="button" className="gathering-bar-button" onClick={() => setCurrentGathering(doc, here.id)}>
          {t('gatherings.bar.makeCurrent')}
        </button>
      )}
      <div className="gathering-told" role="status">
        {showOffer && (
          <p className="gathering-offer">
            {t('gatherings.bar.movedOn', { title: offered.title })}{' '}
            <button type="button" className="gathering-bar-button" onClick={() => go(offered)}>
              {t('gatherings.bar.goThere', { title: offered.title })}
            </button>{' '}
            <button type="button" className="button-quiet" onClick={dismiss}>
              {t('gatherings.bar.dismiss')}
            </button>
          </p>
        )}
        {!showOffer && movedTo && movedTo.id === here?.id && <span className="visually-hidden">{t('gatherings.bar.movedWith', { title: movedTo.title })}</span>}
      </div>
    </section>
  );
}
