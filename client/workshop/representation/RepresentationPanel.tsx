import { useTranslation } from 'react-i18next';
import { groupName } from '../../../shared/domain/groupNames';
import { GROUP_STYLES, GROUPS, type Group } from '../../../shared/domain/groups';
import { isLanguage } from '../../../shared/domain/languages';
import { representationOf, type PlaceRepresentation } from '../../../shared/domain/representation';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';
import { useConnectedParticipants } from './useConnectedParticipants';
import './representation.css';

function PlaceItem({ place, names }: { place: PlaceRepresentation; names: (groups: readonly Group[]) => string }) {
  const { t } = useTranslation();
  const missing = GROUPS.filter((group) => place.byGroup[group] === 0);
  return (
    <li className={place.notes === 0 ? 'representation-place representation-quiet' : 'representation-place'}>
      <span className="representation-place-name">{place.place ?? t('facilitator.representation.noPlace')}</span>
      <span className="representation-place-count">
        {place.notes === 0 ? t('facilitator.representation.placeNoNotes') : t('facilitator.representation.placeNotes', { count: place.notes })}
      </span>
      {place.notes > 0 && missing.length > 0 && (
        <span className="representation-missing">{t('facilitator.representation.missingAtPlace', { groups: names(missing) })}</span>
      )}
    </li>
  );
}

/**
 * Who has been heard: participants (joined, connected now) and notes per stakeholder group
 * and per place, live. A group with no note says so in words, not only in colour.
 */
export function RepresentationPanel() {
  const { t, i18n } = useTranslation();
  const { doc, awareness } = useWorkshop();
  const connected = useConnectedParticipants(awareness);
  const counted = useDocValue(doc, (current) => representationOf(current, connected), [connected]);
  if (!counted) return null;
  const language = isLanguage(i18n.language) ? i18n.language : 'da';
  const names = (groups: readonly Group[]) => groups.map((group) => groupName(group, language)).join(', ');
  return (
    <section className="representation-panel" aria-labelledby="representation-heading">
      <h2 id="representation-heading">{t('facilitator.representation.heading')}</h2>
      <p className="hint">{t('facilitator.representation.lead')}</p>
      <p className="representation-summary" aria-live="polite">
        {t('facilitator.representation.joinedSummary', { count: counted.joined })} {t('facilitator.representation.connectedSummary', { count: counted.connected })}{' '}
        {t('facilitator.representation.notesSummary', { count: counted.notes })}
      </p>
      <p className={counted.unheard.length > 0 ? 'representation-unheard' : 'representation-heard'}>
        {counted.unheard.length > 0
          ? t('facilitator.representation.unheardSummary', { groups: names(counted.unheard) })
          : t('facilitator.representation.everyoneHeard')}
      </p>
      {/* Focusable, so the table can be scrolled sideways by keyboard on a narrow screen. */}
      <div className="representation-table-wrap" tabIndex={0} role="region" aria-labelledby="representation-groups-caption">
        <table className="representation-table">
          <caption id="representation-groups-caption">{t('facilitator.representation.groupsHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('facilitator.representation.group')}</th>
              <th scope="col">{t('facilitator.representation.joined')}</th>
              <th scope="col">{t('facilitator.representation.connected')}</th>
              <th scope="col">{t('facilitator.representation.notes')}</th>
            </tr>
          </thead>
          <tbody>
            {counted.groups.map((entry) => (
              <tr key={entry.group} className={entry.notes === 0 ? 'representation-quiet' : undefined}>
                <th scope="row">
                  <span className="swatch" style={{ background: GROUP_STYLES[entry.group].hex }} aria-hidden="true" />
                  {groupName(entry.group, language)}
                  {entry.notes === 0 && <span className="representation-flag">{t('facilitator.representation.notHeard')}</span>}
                </th>
                <td>{entry.joined}</td>
                <td>{entry.connected}</td>
                <td>{entry.notes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {counted.notesWithoutGroup > 0 && <p className="hint">{t('facilitator.representation.withoutGroup', { count: counted.notesWithoutGroup })}</p>}
      <h3 className="representation-places-heading">{t('facilitator.representation.placesHeading')}</h3>
      {counted.places.length === 0 ? (
        <p>{t('facilitator.representation.noPlaces')}</p>
      ) : (
        <ul className="representation-places">
          {counted.places.map((place) => (
            <PlaceItem key={place.place ?? ''} place={place} names={names} />
          ))}
        </ul>
      )}
    </section>
  );
}
