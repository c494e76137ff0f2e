import { useEffect, useRef, useState, type RefObject } from 'react';

/** The buttons whose focus a list item keeps across a change. */
export type KeptAction = 'edit' | 'up' | 'down';

type ActionButtons = Record<KeptAction, RefObject<HTMLButtonElement | null>>;

/**
 * Keeps the keyboard focus on an ordered list item's button (edit, move up, move down) once the
 * list shows a change: a move re-orders the items a frame later, and moving an item's element
 * takes the focus from it. `order` is the item's order key, `first`/`last` its place.
 */
export function useKeptFocus(order: string, first: boolean, last: boolean): { buttons: ActionButtons; keep(action: KeptAction): void } {
  const [focus, setFocus] = useState<{ action: KeptAction; order: string } | null>(null);
  const buttons: ActionButtons = { edit: useRef<HTMLButtonElement>(null), up: useRef<HTMLButtonElement>(null), down: useRef<HTMLButtonElement>(null) };
  useEffect(() => {
    if (!focus || (focus.action !== 'edit' && focus.order === order)) return;
    const target = buttons[focus.action].current;
    // At the top or bottom the pressed button is disabled: its opposite takes the focus.
    (target && !target.disabled ? target : buttons[focus.action === 'up' ? 'down' : 'up'].current)?.focus();
    setFocus(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus, order, first, last]);
  return { buttons, keep: (action) => setFocus({ action, order }) };
}

interface OrderedItemActionsProps {
  className: string;
  /** The item's name, read after each button's label by screen readers ("Move up Nuuk"). */
  title: string;
  labels: { edit: string; moveUp: string; moveDown: string; makeCurrent: string; remove: string };
  buttons: ActionButtons;
  first: boolean;
  last: boolean;
  current: boolean;
  onEdit(): void;
  onMove(direction: -1 | 1): void;
  onMakeCurrent(): void;
  onRemove(): void;
}

/** What the facilitator does with one item of an ordered list (a gathering, a step). */
export function OrderedItemActions({ className, title, labels, buttons, first, last, current, onEdit, onMove, onMakeCurrent, onRemove }: OrderedItemActionsProps) {
  const hidden = <span className="visually-hidden"> {title}</span>;
  return (
    <div className={className}>
      <button ref={buttons.edit} type="button" className="button-quiet" onClick={onEdit}>
        {labels.edit}
        {hidden}
      </button>
      <button ref={buttons.up} type="button" className="button-quiet" disabled={first} onClick={() => onMove(-1)}>
        {labels.moveUp}
        {hidden}
      </button>
      <button ref={buttons.down} type="button" className="button-quiet" disabled={last} onClick={() => onMove(1)}>
        {labels.moveDown}
        {hidden}
      </button>
      {!current && (
        <button type="button" className="button-quiet" onClick={onMakeCurrent}>
          {labels.makeCurrent}
          {hidden}
        </button>
      )}
      <button type="button" className="button-quiet button-danger" onClick={onRemove}>
        {labels.remove}
        {hidden}
      </button>
    </div>
  );
}
