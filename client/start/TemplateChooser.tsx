import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TEMPLATES, type Template } from '../../shared/domain/roles';
import './templateChooser.css';

/** The strings key of each template (i18n keys are whole words, template names are kebab-case). */
const STRING_KEYS: Readonly<Record<Template, string>> = {
  blank: 'blank',
  'vision-gathering': 'visionGathering',
  'keep-start-leave': 'keepStartLeave',
  'roles-and-boundaries': 'rolesAndBoundaries',
  'cross-cutting': 'crossCutting',
};

interface TemplateChooserProps {
  value: Template;
  onChange(template: Template): void;
}

/**
 * The choice of what a new workshop's board starts with: a radio group (arrow keys move
 * between templates), each template with one line saying what it lays out. A radio's name
 * is the template's name alone and its line is its description, so a screen reader says
 * the name first and does not read the line twice.
 */
export function TemplateChooser({ value, onChange }: TemplateChooserProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="template-chooser" aria-describedby={`${id}-lead`}>
      <legend>{t('templates.legend')}</legend>
      <p id={`${id}-lead`} className="hint">
        {t('templates.lead')}
      </p>
      <div className="template-options">
        {TEMPLATES.map((template) => {
          const key = STRING_KEYS[template];
          return (
            <label key={template} className="template-option" data-template={template}>
              <input
                type="radio"
                name="template"
                value={template}
                checked={value === template}
                onChange={() => onChange(template)}
                aria-labelledby={`${id}-${template}-label`}
                aria-describedby={`${id}-${template}-description`}
              />
              <span className="template-text">
                <span id={`${id}-${template}-label`} className="template-label">
                  {t(`templates.${key}.label`)}
                </span>
                <span id={`${id}-${template}-description`} className="template-description">
                  {t(`templates.${key}.description`)}
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
