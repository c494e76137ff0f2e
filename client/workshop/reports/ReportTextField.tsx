import { useEffect, useId, useRef, useState } from 'react';

interface ReportTextFieldProps {
  label: string;
  /** Said under the label (the goal's own words). */
  description?: string;
  /** The text on the board now. */
  value: string;
  maxLength: number;
  /** Saves the text; called when the field is left with a change (or the dialog closes). */
  onSave(text: string): void;
}

/**
 * One text of a gathering's report, written in place and saved when the field is left, as the
 * narrative's editors expect: no Save button to forget. While the facilitator types, a change
 * from elsewhere (another facilitator's tab) does not overwrite the field; once it is left,
 * the field shows the board's text again.
 */
export function ReportTextField({ label, description, value, maxLength, onSave }: ReportTextFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const focused = useRef(false);
  const latest = useRef({ draft, value, onSave });
  latest.current = { draft, value, onSave };

  useEffect(() => {
    if (!focused.current) setDraft(value);
  }, [value]);
  // Escape closes the dialog without a blur: what was typed is kept all the same.
  useEffect(
    () => () => {
      const { draft: unsaved, value: saved, onSave: save } = latest.current;
      if (unsaved !== saved) save(unsaved);
    },
    [],
  );

  return (
    <div className="report-field">
      <label htmlFor={id} className="report-field-label">
        {label}
      </label>
      {description && (
        <p id={`${id}-description`} className="report-field-description">
          {description}
        </p>
      )}
      <textarea
        id={id}
        className="report-field-text"
        rows={3}
        maxLength={maxLength}
        value={draft}
        aria-describedby={description ? `${id}-description` : undefined}
        onFocus={() => {
          focused.current = true;
        }}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => {
          focused.current = false;
          if (draft !== value) onSave(draft);
        }}
      />
    </div>
  );
}
