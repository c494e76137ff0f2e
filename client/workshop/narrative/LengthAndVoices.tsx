import { useTranslation } from 'react-i18next';
import { SHARE_WARNING_BELOW, TARGET_PAGES, type NarrativeMeter, type ShareRow } from '../../../shared/domain/meters';

function VoiceTable<Key>({ caption, heading, rows, name }: { caption: string; heading: string; rows: ShareRow<Key>[]; name(key: Key): string }) {
  const { t, i18n } = useTranslation();
  const ratio = (value: number | null): string =>
    value === null ? t('narrative.meter.noRatio') : value.toLocaleString(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <table className="narrative-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">{t('narrative.meter.written')}</th>
          <th scope="col">{t('narrative.meter.woven')}</th>
          <th scope="col">{t('narrative.meter.ratio')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={String(row.key)} className={row.warning ? 'narrative-warning-row' : undefined}>
            <th scope="row">{name(row.key)}</th>
            <td>{row.written}</td>
            <td>{row.woven}</td>
            <td>
              {ratio(row.ratio)}
              {row.warning && (
                <span className="narrative-warning">
                  <span aria-hidden="true"> ⚠ </span>
                  {t('narrative.meter.under')}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The meter: the narrative's length against two to five pages, and for every group and
 * place its share of the woven notes over its share of the notes written, worded when
 * under 0.8.
 */
export function LengthAndVoices({ meter }: { meter: NarrativeMeter }) {
  const { t, i18n } = useTranslation();
  const pages = meter.pages.toLocaleString(i18n.language, { maximumFractionDigits: 1 });
  return (
    <section className="narrative-box" aria-labelledby="narrative-meter-heading">
      <h3 id="narrative-meter-heading">{t('narrative.meter.title')}</h3>
      <label htmlFor="narrative-length" className="narrative-length-label">
        {t('narrative.meter.length', { pages, characters: meter.characters.toLocaleString(i18n.language), min: TARGET_PAGES.min, max: TARGET_PAGES.max })}
      </label>
      <meter
        id="narrative-length"
        className="narrative-length"
        min={0}
        max={TARGET_PAGES.max + 1}
        low={TARGET_PAGES.min}
        high={TARGET_PAGES.max}
        optimum={(TARGET_PAGES.min + TARGET_PAGES.max) / 2}
        value={Math.min(meter.pages, TARGET_PAGES.max + 1)}
      />
      <p className={meter.length === 'within' ? 'narrative-ok' : 'narrative-warning'}>{t(`narrative.meter.${meter.length}`)}</p>
      <p className="hint">
        {t('narrative.meter.explain', { woven: meter.wovenNotes, written: meter.writtenNotes, threshold: SHARE_WARNING_BELOW.toLocaleString(i18n.language) })}
      </p>
      {meter.groups.length > 0 && (
        <VoiceTable caption={t('narrative.meter.groups')} heading={t('narrative.meter.group')} rows={meter.groups} name={(group) => t(`groups.${group}`)} />
      )}
      {meter.places.length > 0 && (
        <VoiceTable caption={t('narrative.meter.places')} heading={t('narrative.meter.place')} rows={meter.places} name={(place) => place ?? t('narrative.meter.noPlace')} />
      )}
    </section>
  );
}
