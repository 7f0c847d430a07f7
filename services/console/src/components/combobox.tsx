// A searchable picker (WAI-ARIA combobox with a listbox): the person types part of a name, without
// diacritics if they like, and picks from the list with the mouse or the arrow keys and Enter. The form
// gets the option's code; the field keeps showing what was typed or picked.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fold } from '../lib/format';

export interface Option {
  code: string;
  label: string;
  /** Shown after the label, smaller (e.g. the VSIC code). */
  hint?: string;
}

export interface ComboboxProps {
  label: string;
  name: string;
  /** The picked option's code ('' for none). */
  value: string;
  /** The text shown for the picked value (its label), when known. */
  valueLabel?: string;
  onChange: (code: string, option?: Option) => void;
  /** A fixed list, filtered as the person types, or a search called with the typed text. */
  options?: readonly Option[];
  search?: (text: string) => Promise<Option[]>;
  placeholder?: string;
  disabled?: boolean;
  error?: string;
  hint?: string;
  /** How many options to show at most. */
  limit?: number;
}

export function Combobox({ label, name, value, valueLabel, onChange, options, search, placeholder, disabled, error, hint, limit = 30 }: ComboboxProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(valueLabel ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [found, setFound] = useState<Option[]>([]);
  const typed = useRef(false);

  // The label of a value set from outside (a URL, a reset) once it is known.
  useEffect(() => {
    if (!typed.current) setText(valueLabel ?? '');
  }, [valueLabel]);

  useEffect(() => {
    if (!open) return;
    if (options) {
      const key = fold(text);
      setFound(options.filter((o) => !key || fold(`${o.label} ${o.code}`).includes(key)).slice(0, limit));
      return;
    }
    if (!search || fold(text).length < 2) return setFound([]);
    let live = true;
    const timer = setTimeout(() => {
      search(text).then(
        (items) => live && setFound(items.slice(0, limit)),
        () => live && setFound([]),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, open, options, search, limit]);

  const pick = (o: Option) => {
    typed.current = false;
    setText(o.label);
    setOpen(false);
    onChange(o.code, o);
  };
  const listId = `${id}-list`;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <div className="combobox">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open && found.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && found[active] ? `${id}-opt-${active}` : undefined}
        aria-invalid={!!error}
        aria-describedby={describedBy}
        autoComplete="off"
        placeholder={placeholder}
        disabled={disabled}
        value={text}
        onChange={(e) => {
          typed.current = true;
          setText(e.target.value);
          setOpen(true);
          setActive(0);
          // Typed text that is no longer the picked option's label clears the pick.
          if (value) onChange('');
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, found.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter' && open && found[active]) {
            e.preventDefault();
            pick(found[active]);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      {hint && (
        <span id={`${id}-hint`} className="hint-inline muted">
          {hint}
        </span>
      )}
      <ul id={listId} role="listbox" aria-label={label} className="options" hidden={!open || found.length === 0}>
        {found.map((o, i) => (
          <li
            key={o.code}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(o)}
          >
            {o.label}
            {o.hint && <span className="muted"> · {o.hint}</span>}
          </li>
        ))}
      </ul>
      {open && !options && fold(text).length > 0 && fold(text).length < 2 && <span className="hint-inline muted">{t('pickers.typeMore')}</span>}
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
